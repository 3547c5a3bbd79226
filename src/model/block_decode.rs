//! Decoding of [`Block`]: the `type` picks the block's struct, and that
//! struct's derived `Deserialize` reads the other fields. The structs in
//! `block.rs` are therefore the only statement of each block's fields: the
//! JSON Schema (schemars), this decoder and serialisation all derive from
//! them, so they cannot disagree about nulls, defaults or unknown fields.
//!
//! When `type` comes first (as warta writes it), the rest of the object
//! streams straight into the struct and every error keeps its full path
//! (`body[4].text`). Fields written before `type` are held as plain JSON
//! values until the type is known; an error in one of those names the block
//! (`body[4]`) and the field in the message. Nothing is accepted or refused
//! differently either way.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::article::Image;
use super::block::{Block, Heading, Paragraph, Quote, ReadAlso};

/// The block kinds, as `type` spells them.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Paragraph,
    ReadAlso,
    Heading,
    Quote,
    Image,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block object with a `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut held = Vec::new();
        let kind = loop {
            match map.next_key::<String>()? {
                None => return Err(de::Error::missing_field("type")),
                Some(key) if key == "type" => break map.next_value::<Kind>()?,
                Some(key) => held.push((key, map.next_value::<Held>()?)),
            }
        };
        let rest = MapAccessDeserializer::new(Rest {
            held: held.into_iter(),
            pending: None,
            live: map,
        });
        Ok(match kind {
            Kind::Paragraph => Block::Paragraph(Paragraph::deserialize(rest)?),
            Kind::ReadAlso => Block::ReadAlso(ReadAlso::deserialize(rest)?),
            Kind::Heading => Block::Heading(Heading::deserialize(rest)?),
            Kind::Quote => Block::Quote(Quote::deserialize(rest)?),
            Kind::Image => Block::Image(Image::deserialize(rest)?),
        })
    }
}

/// The block's fields after `type`: first those held before it, then the
/// rest of the object as it streams.
struct Rest<A> {
    held: std::vec::IntoIter<(String, Held)>,
    /// A held field whose key was given and whose value is next.
    pending: Option<(String, Held)>,
    live: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.held.next() {
            Some((key, value)) => {
                let out = seed.deserialize(key.as_str().into_deserializer())?;
                self.pending = Some((key, value));
                Ok(Some(out))
            }
            None => self.live.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some((key, value)) => seed
                .deserialize(value.into_deserializer())
                .map_err(|e: A::Error| de::Error::custom(format_args!("{key}: {e}"))),
            None => self.live.next_value_seed(seed),
        }
    }
}

/// A JSON value held until its block's type is known.
enum Held {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    List(Vec<Held>),
    Object(Vec<(String, Held)>),
}

impl<'de> Deserialize<'de> for Held {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HeldVisitor)
    }
}

struct HeldVisitor;

impl<'de> Visitor<'de> for HeldVisitor {
    type Value = Held;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Held, E> {
        Ok(Held::Null)
    }
    fn visit_none<E>(self) -> Result<Held, E> {
        Ok(Held::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Held, E> {
        Ok(Held::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Held, E> {
        Ok(Held::Unsigned(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Held, E> {
        Ok(Held::Signed(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Held, E> {
        Ok(Held::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Held, E> {
        Ok(Held::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Held, E> {
        Ok(Held::Text(v))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Held, S::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Held::List(items))
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Held, M::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Held::Object(entries))
    }
}

/// Replays a held value to a field's `Deserialize`.
struct HeldDeserializer<E> {
    value: Held,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> IntoDeserializer<'de, E> for Held {
    type Deserializer = HeldDeserializer<E>;

    fn into_deserializer(self) -> HeldDeserializer<E> {
        HeldDeserializer {
            value: self,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> Deserializer<'de> for HeldDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Held::Null => visitor.visit_unit(),
            Held::Bool(v) => visitor.visit_bool(v),
            Held::Unsigned(v) => visitor.visit_u64(v),
            Held::Signed(v) => visitor.visit_i64(v),
            Held::Float(v) => visitor.visit_f64(v),
            Held::Text(v) => visitor.visit_string(v),
            Held::List(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Held::Object(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Held::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
