use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::icons::{custom_icon, share_icon};
use crate::browser::{self, StatusLine};
use crate::language::Language;
use crate::model::ShareSubject;
use crate::model::{ShareNetwork, ShareSettings, ShareTarget};
use crate::share::{share_href, tagged_url, Shared};

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// What is being shared.
    pub subject: Rc<ShareSubject>,
    /// Called once the bar is live in the browser: hydrated or rendered, its
    /// handlers attached. Default: nothing.
    #[prop_or_default]
    pub on_ready: Callback<()>,
    /// The bar's element, set once it is in place (rendered, or hydrated
    /// with everything inside it). Default: a reference of its own.
    #[prop_or_default]
    pub bar_ref: NodeRef,
}

/// Share controls in the order of the article's share settings.
///
/// Without Wasm every network is a plain link and "copy" links to the
/// article (long-press copies it). Hydration adds popups on desktop, the
/// Clipboard API with a spoken confirmation, the OS share sheet where the
/// browser has one, and a `warta:share` event for the host page
/// ([`browser::share_clicked`]; the island bundle gives the server's markup
/// the same without Yew, see `client::live_bar`). Nothing is requested from
/// any network until the reader clicks.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let subject = &props.subject;
    let labels = Language::from_tag(subject.lang()).labels();
    let bar = props.bar_ref.clone();
    let status = use_state(|| None::<&'static str>);
    let status_timer = use_mut_ref(|| None::<Timeout>);
    // Server and first client render agree (hidden); the effect then reveals
    // the button only where the share sheet exists, so it never flashes away;
    // where there is none, nothing changes and the bar is not rendered again.
    let native_available = use_state_eq(|| false);
    {
        let native_available = native_available.clone();
        let (url, title) = (subject.url.clone(), subject.title.clone());
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| {
            native_available.set(browser::can_share_natively(&url, &title));
            on_ready.emit(());
        });
    }

    let default_settings = ShareSettings::default();
    let settings = subject.share.as_ref().unwrap_or(&default_settings);
    let shared = Shared {
        url: &subject.url,
        title: &subject.title,
        utm: settings.utm.as_ref(),
    };
    let status_line = {
        let status = status.clone();
        StatusLine::new(move |message| status.set(message), status_timer)
    };

    let items = settings.networks().iter().map(|target| {
        let id = target.id();
        let shared_url = tagged_url(&subject.url, shared.utm, id);
        let class = classes!("warta-share__item", format!("warta-share__item--{id}"));
        let onclick = {
            let (subject, bar, status_line) = (subject.clone(), bar.clone(), status_line.clone());
            let target = target.clone();
            Callback::from(move |event: MouseEvent| {
                browser::share_clicked(&event, &target, &subject, bar.cast(), &status_line);
            })
        };
        let control = match target {
            ShareTarget::Network(ShareNetwork::Native) => html! {
                <button type="button" class="warta-share__button" aria-label={labels.share_native} title={labels.share_native} {onclick}>
                    {share_icon(ShareNetwork::Native)}<span class="warta-share__text">{labels.share_native_short}</span>
                </button>
            },
            ShareTarget::Network(ShareNetwork::Copy) => html! {
                <a class="warta-share__link" href={shared_url} aria-label={labels.copy_link} title={labels.copy_link} {onclick}>
                    {share_icon(ShareNetwork::Copy)}<span class="warta-share__text">{labels.copy_link}</span>
                </a>
            },
            _ => {
                let href = share_href(target, shared).unwrap_or_default();
                let (icon, text) = match target {
                    ShareTarget::Network(network) => (share_icon(*network), AttrValue::Static(network.name(labels))),
                    ShareTarget::Custom(custom) => (custom_icon(), AttrValue::from(custom.label.clone())),
                };
                let external = *target != ShareTarget::Network(ShareNetwork::Email);
                let name = format!("{} {text}", labels.share_to);
                html! {
                    <a
                        class="warta-share__link"
                        {href}
                        target={external.then_some("_blank")}
                        rel={external.then_some("noopener noreferrer")}
                        aria-label={name.clone()}
                        title={name}
                        {onclick}
                    >
                        {icon}<span class="warta-share__text">{text}</span>
                    </a>
                }
            }
        };
        let hidden = *target == ShareTarget::Network(ShareNetwork::Native) && !*native_available;
        html! { <li {class} {hidden} data-network={id.to_owned()}>{control}</li> }
    });

    html! {
        <div class="warta-share" role="group" aria-label={labels.share_group} ref={props.bar_ref.clone()}>
            <ul class="warta-share__list">{for items}</ul>
            // A <div>, not a <p>: ad inserters place a slot "after paragraph
            // N" by counting `p` elements in the article, and one counted
            // here put the slot inside the share bar.
            <div class="warta-share__status" role="status" aria-live="polite">{status.unwrap_or_default()}</div>
        </div>
    }
}
