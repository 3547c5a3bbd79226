//! Native speed: decoding, validating and server-rendering articles.
//! Budget: server render of the sample ≤ 100 µs median on one core.
//! Run: `cargo bench --features cli --bench render`.

use std::hint::black_box;
use std::rc::Rc;

use criterion::{criterion_group, criterion_main, Criterion};
use warta::model::read_article;
use warta::model::validate;
use warta::page::fragment;
use warta::render::{article_markup_blocking, RenderOptions};

const SAMPLE: &str = include_str!("../tests/fixtures/sample.json");
const LONG: &str = include_str!("../tests/fixtures/long-bilingual.json");

fn benches(c: &mut Criterion) {
    let sample = Rc::new(read_article(SAMPLE).unwrap());
    let long = Rc::new(read_article(LONG).unwrap());
    c.bench_function("parse+validate sample", |b| {
        b.iter(|| read_article(black_box(SAMPLE)).unwrap())
    });
    c.bench_function("validate sample", |b| {
        b.iter(|| validate(black_box(&sample)))
    });
    c.bench_function("server render sample (markup)", |b| {
        b.iter(|| article_markup_blocking(black_box(sample.clone()), &RenderOptions::default()))
    });
    c.bench_function("server render sample (fragment with JSON)", |b| {
        b.iter(|| fragment(black_box(&sample), &RenderOptions::default()))
    });
    c.bench_function("server render long-bilingual (markup)", |b| {
        b.iter(|| article_markup_blocking(black_box(long.clone()), &RenderOptions::default()))
    });
}

criterion_group!(render, benches);
criterion_main!(render);
