//! What real publisher pages do to the markup — ads, translation,
//! extensions, minifiers, scripts — before the Wasm arrives and after it
//! has hydrated, on a page with two widgets. Each change must end with both
//! widgets working: no panic (a panic would trap this test's Wasm), the
//! state and reason the README promises, host nodes left where the host put
//! them, and a copy-link click answered in each widget's live region.
#![cfg(all(target_arch = "wasm32", feature = "hydration"))]

use crate::common;

use common::browser::{next_turn, run_js, server_fragment, stale_sample_with_ads, EventLog, Stage};
use gloo::events::{EventListener, EventListenerOptions};
use warta::client::{mount_all, mount_one, mount_within, reason, unmount_within};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// A change a host page makes to the first widget (`m`, the mount), in
/// JavaScript as a host script would. Nodes the host adds are pushed to
/// `window.__hostNodes`, to check warta left them in place.
struct Change {
    name: &'static str,
    script: &'static str,
    /// The reason for a fresh render of the share bar, or `None` when the
    /// change leaves the share bar's shape alone and it must hydrate.
    reason_before: Option<&'static str>,
    /// Whether the first widget's copy link still reaches warta after the
    /// change is made to a hydrated widget.
    answers_after: bool,
}

const CHANGES: &[Change] = &[
    Change {
        name: "an ad script puts an ad between two paragraphs",
        script: "const ad = document.createElement('div'); ad.className = 'host-ad';
                 ad.innerHTML = '<iframe title=\"ad\" src=\"about:blank\"></iframe>';
                 m.querySelectorAll('.warta-body > p')[1].after(ad); window.__hostNodes.push(ad);",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "page translation wraps every text node in <font>",
        script: "const walk = document.createTreeWalker(m.querySelector('article'), NodeFilter.SHOW_TEXT);
                 const texts = []; while (walk.nextNode()) if (walk.currentNode.data.trim()) texts.push(walk.currentNode);
                 for (const t of texts) { const f = document.createElement('font'); t.replaceWith(f); f.append(t); }",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "page translation wraps the article's text outside the share bar",
        script: "const walk = document.createTreeWalker(m.querySelector('article'), NodeFilter.SHOW_TEXT);
                 const texts = []; while (walk.nextNode()) if (walk.currentNode.data.trim()
                     && !walk.currentNode.parentElement.closest('[data-warta-island]')) texts.push(walk.currentNode);
                 for (const t of texts) { const f = document.createElement('font'); t.replaceWith(f); f.append(t); window.__hostNodes.push(f); }",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "an extension adds an element inside the share bar",
        script: "const b = document.createElement('li'); b.textContent = 'Save to app';
                 m.querySelector('.warta-share__list').append(b); window.__hostNodes.push(b);",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "an extension adds attributes everywhere",
        script: "for (const el of m.querySelectorAll('*')) el.setAttribute('data-ext-seen', '1');
                 m.querySelector('.warta-share__link').setAttribute('class', 'ext-restyled');",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "an extension adds an element inside the headline",
        script: "const s = document.createElement('span'); s.textContent = ' [ext]';
                 m.querySelector('h1').append(s); window.__hostNodes.push(s);",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "a minifier strips every comment",
        script: "const walk = document.createTreeWalker(m, NodeFilter.SHOW_COMMENT);
                 const comments = []; while (walk.nextNode()) comments.push(walk.currentNode);
                 for (const c of comments) c.remove();",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a script removes the header",
        script: "m.querySelector('header').remove();",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "a script removes the share bar",
        script: "m.querySelector('[data-warta-island]').remove();",
        reason_before: Some(reason::ISLAND_MISSING),
        answers_after: false,
    },
    Change {
        name: "a script replaces a share label's text",
        script: "m.querySelector('[data-network=copy] .warta-share__text').firstChild.data = 'Copy';",
        reason_before: None,
        answers_after: true,
    },
    Change {
        name: "a script moves the share list to the end of the article",
        script: "m.querySelector('article').append(m.querySelector('.warta-share__list'));",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: false,
    },
    Change {
        name: "an extension leaves a comment and white space in the share bar",
        script: "const ul = m.querySelector('.warta-share__list');
                 ul.prepend(document.createComment(' ext '), document.createTextNode('  '));",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a script rewrites the shape attribute",
        script: "m.querySelector('[data-warta-island]').setAttribute('data-warta-shape', 'x');",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "an extension rewords a hydration marker",
        script: "const walk = document.createTreeWalker(m.querySelector('[data-warta-island]'), NodeFilter.SHOW_COMMENT);
                 walk.nextNode(); walk.currentNode.data = ' ' + walk.currentNode.data;",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a script leaves a processing instruction in the share list",
        script: "m.querySelector('.warta-share__list').append(document.createProcessingInstruction('x', 'y'));",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a script swaps the share list for a same-named SVG element",
        script: "const ul = m.querySelector('.warta-share__list');
                 const x = document.createElementNS('http://www.w3.org/2000/svg', 'ul');
                 x.append(...ul.childNodes); ul.replaceWith(x);",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: false,
    },
    Change {
        name: "a theme script wraps the share icons",
        script: "for (const svg of m.querySelectorAll('.warta-share__icon')) {
                   const w = document.createElement('span'); svg.replaceWith(w); w.append(svg); }",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a theme script removes the share icons",
        script: "m.querySelectorAll('.warta-share__icon').forEach((svg) => svg.remove());",
        reason_before: Some(reason::CHANGED_BY_PAGE),
        answers_after: true,
    },
    Change {
        name: "a script moves the whole widget elsewhere on the page",
        script: "const box = document.createElement('section'); m.before(box); box.append(m);
                 window.__hostNodes.push(box);",
        reason_before: None,
        answers_after: true,
    },
];

/// Two widgets, clicks kept from navigating, clipboard stubbed, events and
/// host nodes recorded.
struct Page {
    stage: Stage,
    events: EventLog,
    _listeners: Vec<EventListener>,
}

async fn two_widgets() -> Page {
    let html = format!(
        "{}<p>host paragraph</p>{}",
        server_fragment(common::SAMPLE_JSON).await,
        server_fragment(common::LONG_JSON).await
    );
    let stage = Stage::new(&html);
    run_js(
        "window.__hostNodes = [];
         Object.defineProperty(navigator, 'clipboard', { configurable: true,
           value: { writeText: () => Promise.resolve() } });",
    );
    let (events, [ready, error]) = stage.events();
    let options = EventListenerOptions::enable_prevent_default();
    let no_navigation = EventListener::new_with_options(&stage.0, "click", options, |event| {
        event.prevent_default()
    });
    Page {
        stage,
        events,
        _listeners: vec![ready, error, no_navigation],
    }
}

fn apply(change: &Change, mount: &Element) {
    js_sys::Function::new_with_args("m", change.script)
        .call1(&JsValue::NULL, mount)
        .unwrap_or_else(|e| panic!("{}: the change script failed: {e:?}", change.name));
}

fn state(mount: &Element) -> String {
    mount.get_attribute("data-warta-state").unwrap_or_default()
}

/// Clicks the widget's copy link and expects the confirmation in its own
/// live region.
async fn answers_copy(mount: &Element, change: &Change) {
    assert_eq!(
        copy_announcement(mount).await,
        "Tautan disalin",
        "{}",
        change.name
    );
}

/// Clicks the widget's copy link; returns what its live region says.
async fn copy_announcement(mount: &Element) -> String {
    let link = mount
        .query_selector("[data-network=copy] a")
        .unwrap()
        .expect("a copy link");
    link.unchecked_into::<HtmlElement>().click();
    next_turn().await;
    yew::scheduler::flush().await;
    mount
        .query_selector(".warta-share__status")
        .unwrap()
        .and_then(|status| status.text_content())
        .unwrap_or_default()
}

fn host_nodes_in_place(change: &Change) {
    let all_connected = run_js("return window.__hostNodes.every((n) => n.isConnected);");
    assert_eq!(
        all_connected.as_bool(),
        Some(true),
        "{}: a host node was removed",
        change.name
    );
}

#[wasm_bindgen_test]
async fn changes_before_the_wasm_are_survived() {
    for change in CHANGES {
        let page = two_widgets().await;
        apply(change, &page.stage.mount(0));
        mount_all();
        yew::scheduler::flush().await;

        let (first, second) = (page.stage.mount(0), page.stage.mount(1));
        let expected = match change.reason_before {
            None => ("hydrated", String::new()),
            Some(why) => ("rendered", why.to_owned()),
        };
        assert_eq!(state(&first), expected.0, "{}", change.name);
        assert_eq!(state(&second), "hydrated", "{}", change.name);
        // One event per widget (Yew may finish them in either order).
        let mut events = page.events.borrow().clone();
        events.sort();
        let mut wanted = vec![
            ("warta:ready".to_owned(), expected.0.to_owned(), expected.1),
            (
                "warta:ready".to_owned(),
                "hydrated".to_owned(),
                String::new(),
            ),
        ];
        wanted.sort();
        assert_eq!(events, wanted, "{}", change.name);
        host_nodes_in_place(change);
        // Every widget ends with a working share bar, whatever was changed.
        answers_copy(&first, change).await;
        answers_copy(&second, change).await;
    }
}

#[wasm_bindgen_test]
async fn changes_after_hydration_are_survived() {
    for change in CHANGES {
        let page = two_widgets().await;
        mount_all();
        yew::scheduler::flush().await;
        let (first, second) = (page.stage.mount(0), page.stage.mount(1));
        assert_eq!(state(&first), "hydrated", "{}", change.name);

        apply(change, &first);
        // Re-renders part of each share bar (the live region).
        if change.answers_after {
            answers_copy(&first, change).await;
        }
        answers_copy(&second, change).await;
        host_nodes_in_place(change);
        assert_eq!(state(&first), "hydrated", "{}", change.name);
        assert_eq!(
            page.events.borrow().len(),
            2,
            "{}: no event fired twice",
            change.name
        );
        // Torn down and mounted again after the change: still no panic, and
        // a share bar that answers.
        assert_eq!(unmount_within(&first), 1, "{}", change.name);
        yew::scheduler::flush().await;
        assert_eq!(state(&first), "", "{}", change.name);
        assert_eq!(mount_within(&first), 1, "{}", change.name);
        yew::scheduler::flush().await;
        assert_eq!(state(&first), "rendered", "{}", change.name);
        if first
            .query_selector("[data-network=copy] a")
            .unwrap()
            .is_some()
        {
            answers_copy(&first, change).await;
        }
        answers_copy(&second, change).await;
    }
}

#[wasm_bindgen_test]
async fn a_translated_share_bar_is_rendered_again_in_its_own_language() {
    let page = two_widgets().await;
    apply(&CHANGES[1], &page.stage.mount(0));
    mount_all();
    yew::scheduler::flush().await;
    let island = page.stage.find("[data-warta-island]");
    assert!(island.query_selector("font").unwrap().is_none());
    assert_eq!(
        island
            .query_selector("[data-network=copy] .warta-share__text")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Salin tautan"
    );
    // The article text outside the island keeps the translation's wrapping.
    assert!(page.stage.find("h1 font").is_connected());
}

/// Runs `script` with `m` bound to `mount` and returns what it returns.
fn in_page(mount: &Element, script: &str) -> JsValue {
    js_sys::Function::new_with_args("m", script)
        .call1(&JsValue::NULL, mount)
        .unwrap_or_else(|e| panic!("the page script failed: {e:?}"))
}

/// What an ad script or an extension puts inside the share bar before the
/// Wasm arrives: an ad slot after the status line (where an inserter
/// counting `p` elements put it while the status line was one), an `<ins>`
/// in the share list, and a span wrapped around an icon. The bar is
/// rendered afresh, and the host's nodes stay: the same nodes, with what
/// they hold, right after the new bar inside the island, in their order.
/// The wrapper around warta's icon is not kept (it would show the icon
/// twice).
#[wasm_bindgen_test]
async fn host_nodes_inside_a_share_bar_rendered_again_are_kept() {
    let page = two_widgets().await;
    let first = page.stage.mount(0);
    in_page(
        &first,
        "const ad = document.createElement('div'); ad.id = 'div-gpt-ad-in-bar';
         ad.innerHTML = '<iframe title=\"ad\" src=\"about:blank\"></iframe>';
         m.querySelector('.warta-share__status').after(ad);
         const ins = document.createElement('ins'); ins.className = 'adsbygoogle';
         m.querySelector('.warta-share__list').append(ins);
         const icon = m.querySelector('.warta-share__icon'); const wrap = document.createElement('span');
         icon.replaceWith(wrap); wrap.append(icon);
         window.__kept = [ins, ad, ad.firstChild];",
    );
    mount_all();
    yew::scheduler::flush().await;

    assert_eq!(state(&first), "rendered");
    assert_eq!(
        page.events
            .borrow()
            .iter()
            .find(|(_, state, _)| state == "rendered"),
        Some(&(
            "warta:ready".to_owned(),
            "rendered".to_owned(),
            reason::CHANGED_BY_PAGE.to_owned()
        ))
    );
    let kept = in_page(
        &first,
        "const [ins, ad, iframe] = window.__kept;
         const island = m.querySelector('[data-warta-island]');
         const bar = island.querySelector('.warta-share');
         return [
           ins.isConnected && ad.isConnected && m.contains(ins) && m.contains(ad),
           ad.firstChild === iframe && document.getElementById('div-gpt-ad-in-bar') === ad,
           bar.parentElement.nextElementSibling === ins && ins.nextElementSibling === ad
             && ad.nextElementSibling === null && ins.parentElement === island,
           island.querySelectorAll('.warta-share__icon').length
             === m.parentNode.querySelectorAll('[data-warta]')[1].querySelectorAll('.warta-share__icon').length,
           island.querySelectorAll('.warta-share').length === 1,
         ].join();",
    );
    assert_eq!(
        kept.as_string().unwrap(),
        "true,true,true,true,true",
        "connected in the widget, the same nodes, after the new bar in order, \
         icons not doubled, one bar"
    );
    answers_copy(&first, &CHANGES[0]).await;
    answers_copy(&page.stage.mount(1), &CHANGES[0]).await;
    // Torn down and mounted again, the bar is rendered afresh once more:
    // the host's nodes stay again.
    assert_eq!(unmount_within(&first), 1);
    yew::scheduler::flush().await;
    assert_eq!(mount_within(&first), 1);
    yew::scheduler::flush().await;
    assert_eq!(state(&first), "rendered");
    let again = in_page(
        &first,
        "const [ins, ad] = window.__kept; const bar = m.querySelector('.warta-share');
         return bar.parentElement.nextElementSibling === ins && ins.nextElementSibling === ad;",
    );
    assert_eq!(again.as_bool(), Some(true));
    answers_copy(&first, &CHANGES[0]).await;
}

/// The whole article rendered from edited JSON: the host's nodes in the
/// old article are kept. Those in the body go into the new body — an ad an
/// inserter put after the third paragraph after the new third, one at the
/// top of the body at the top — beside the declared slots; the others (an
/// extension's badge in the headline, an ad in the share bar) follow the
/// new article, in their order. Page translation's `<font>`s are not kept.
#[wasm_bindgen_test]
async fn a_stale_render_keeps_the_hosts_nodes_in_the_article() {
    let stage = stale_sample_with_ads(|json| json["title"] = "Judul Baru".into()).await;
    let mount = stage.mount(0);
    in_page(
        &mount,
        "const ad = document.createElement('div'); ad.className = 'host-ad';
         ad.innerHTML = '<iframe title=\"ad\" src=\"about:blank\"></iframe>';
         m.querySelectorAll('.warta-body > p')[2].after(ad);
         const first = document.createElement('ins'); m.querySelector('.warta-body').prepend(first);
         const badge = document.createElement('span'); badge.textContent = 'LIVE';
         m.querySelector('h1').append(badge);
         const inBar = document.createElement('div'); inBar.className = 'host-in-bar';
         m.querySelector('.warta-share__list').after(inBar);
         const font = document.createElement('font'); const text = m.querySelector('.warta-body > p').firstChild;
         text.replaceWith(font); font.append(text);
         window.__kept = [ad, first, badge, inBar, font, ad.firstChild, document.getElementById('ad-one')];",
    );
    mount_one(&mount);
    yew::scheduler::flush().await;

    assert_eq!(state(&mount), "rendered");
    assert_eq!(stage.find("h1").text_content().unwrap(), "Judul Baru");
    let kept = in_page(
        &mount,
        "const [ad, first, badge, inBar, font, iframe, slot] = window.__kept;
         const body = m.querySelector('.warta-body');
         const paragraphs = body.querySelectorAll(':scope > p');
         const article = m.querySelector('.warta-article');
         return [
           ad.isConnected && ad.previousElementSibling === paragraphs[2] && ad.firstChild === iframe,
           body.firstElementChild === first,
           slot.closest('.warta-ad').previousElementSibling === paragraphs[1],
           article.parentElement.nextElementSibling === badge && badge.nextElementSibling === inBar
             && m.contains(inBar),
           !font.isConnected && !m.querySelector('font'),
           m.querySelectorAll('.warta-article').length === 1,
         ].join();",
    );
    assert_eq!(
        kept.as_string().unwrap(),
        "true,true,true,true,true,true",
        "after paragraph 3, first in the body, the declared slot after paragraph 2, \
         badge and share-bar ad after the article, no <font>, one article"
    );
}

#[wasm_bindgen_test]
async fn a_replaced_share_label_is_restored_by_hydration() {
    let page = two_widgets().await;
    apply(&CHANGES[9], &page.stage.mount(0));
    mount_all();
    yew::scheduler::flush().await;
    assert_eq!(state(&page.stage.mount(0)), "hydrated");
    assert_eq!(
        page.stage
            .find("[data-network=copy] .warta-share__text")
            .text_content()
            .unwrap(),
        "Salin tautan"
    );
}

#[wasm_bindgen_test]
async fn the_panic_report_marks_every_mount_as_stopped() {
    let page = two_widgets().await;
    warta::client::report_panic("boom");
    for index in 0..2 {
        assert_eq!(state(&page.stage.mount(index)), "error");
    }
    let events = page.events.borrow();
    assert_eq!(events.len(), 2);
    assert!(events
        .iter()
        .all(|(name, state, message)| name == "warta:error"
            && state == "error"
            && message == "warta stopped: boom"));
}

/// The full client loaded for the island bundle's hand-overs runs only the
/// mounts it was given: its panic leaves the island bundle's live widgets
/// alone.
#[wasm_bindgen_test]
async fn a_panic_in_the_full_client_serving_the_island_bundle_reports_only_its_own_mounts() {
    let page = two_widgets().await;
    mount_within(&page.stage.mount(0));
    yew::scheduler::flush().await;
    // What warta-init.js leaves for the full client it loads as a guest.
    let before =
        run_js("const before = window.warta; window.warta = { guest: {} }; return before;");
    warta::client::report_panic("boom");
    js_sys::Reflect::set(&js_sys::global(), &"warta".into(), &before).unwrap();
    assert_eq!(state(&page.stage.mount(0)), "error");
    assert_eq!(
        state(&page.stage.mount(1)),
        "",
        "the island bundle's widget"
    );
    let events = page.events.borrow();
    assert_eq!(
        events
            .last()
            .map(|(name, _, message)| (name.as_str(), message.as_str())),
        Some(("warta:error", "warta stopped: boom"))
    );
    assert_eq!(
        events
            .iter()
            .filter(|(name, ..)| name == "warta:error")
            .count(),
        1
    );
}

/// Yew asserts the markup in a microtask after warta has checked it; a
/// page's MutationObserver, or a listener for another widget's event, runs
/// in between. Mounted from a timer, as the loader does.
#[wasm_bindgen_test]
async fn page_code_between_the_check_and_hydration_cannot_reach_the_markup() {
    let page = two_widgets().await;
    let first = page.stage.mount(0);
    let observer = "let done = false;
        new MutationObserver(() => { if (done) return; done = true;
          const list = m.querySelector('.warta-share__list');
          if (list) { const li = document.createElement('li'); li.textContent = 'Simpan'; list.append(li); }
        }).observe(m.querySelector('[data-warta-island]'), { childList: true, subtree: true });
        m.parentNode.addEventListener('warta:error', () => {
          const list = m.querySelector('.warta-share__list');
          if (list) list.append(document.createElement('li'));
        });";
    js_sys::Function::new_with_args("m", observer)
        .call1(&JsValue::NULL, &first)
        .unwrap();
    // A broken widget after the first one fires warta:error mid-pass.
    page.stage
        .0
        .insert_adjacent_html(
            "beforeend",
            &common::browser::replace_json(&server_fragment(common::RICH_JSON).await, "{"),
        )
        .unwrap();
    let from_timer = wasm_bindgen::closure::Closure::once_into_js(|| {
        mount_all();
    });
    gloo::utils::window()
        .set_timeout_with_callback(from_timer.unchecked_ref())
        .unwrap();
    next_turn().await;
    next_turn().await;
    yew::scheduler::flush().await;
    assert_eq!(state(&first), "hydrated");
    assert_eq!(state(&page.stage.mount(2)), "error");
    answers_copy(&first, &CHANGES[0]).await;
    answers_copy(&page.stage.mount(1), &CHANGES[0]).await;
}

/// The browser's walk (`src/js/shape.js`) writes the same shape as the
/// server's reading of the markup, token for token: for comments of any
/// text (lengths in UTF-16 units on both sides), SVG names in their exact
/// case, void elements and text between; and a different one when a node
/// is added, renamed or reworded.
#[wasm_bindgen_test]
fn the_browser_and_the_server_see_the_same_shape() {
    use warta::embed::shape::{shape_of_dom, shape_of_html};
    let shape_in_browser = |html: &str| {
        let holder = gloo::utils::document().create_element("div").unwrap();
        holder.set_inner_html(html);
        shape_of_dom(&holder).expect("the walk does not throw")
    };
    let markups = [
        "<!--<[A]>--><div class=\"a\"><p>x</p><img src=\"a.jpg\"><br><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><linearGradient/></svg></div><!--</[A]>-->",
        "<!--é €-𝄞 -->text<ul><li><a href=\"#\">one</a></li><li>two</li></ul><!--2-->",
    ];
    for html in markups {
        assert_eq!(shape_in_browser(html), shape_of_html(html), "{html}");
    }
    let base = markups[1];
    for changed in [
        "<!--é €-𝄞 -->text<ul><li><a href=\"#\">one</a></li><li>two</li></ul><!--3-->",
        "<!--é €-𝄞-->text<ul><li><a href=\"#\">one</a></li><li>two</li></ul><!--2-->",
        "<!--é €-𝄞 -->text<ul><li><a href=\"#\"><font>one</font></a></li><li>two</li></ul><!--2-->",
        "<!--é €-𝄞 -->text<ol><li><a href=\"#\">one</a></li><li>two</li></ol><!--2-->",
    ] {
        assert_ne!(shape_in_browser(changed), shape_of_html(base), "{changed}");
    }
}
