//! Decoding of [`Block`] from the table `blocks!` declares (`block.rs`,
//! which also holds the slots each field is read into).
//!
//! serde's derive for internally tagged enums buffers every block into an
//! intermediate tree before choosing the variant; that costs the browser
//! bundle about 7 KB gzip. Instead each field is read straight into a slot
//! of its declared type, whatever the order of the keys, and the block is
//! built once `type` is known:
//! - a field the block's type does not have is an unknown field, whatever
//!   its value (even `null`);
//! - `null` stands for absent only in `optional` fields;
//! - once `type` has been read, fields are checked as they come, so errors
//!   keep their full path (`body[4].text`); fields written before `type`
//!   are checked when it arrives, at the block's path.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Block, FieldType, Image, Kind, SlotKind, Slots, Value};

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BlockVisitor { hero: false })
    }
}

/// The hero photo: an image block's fields, without `type`, read by the
/// same table so both photos follow the same rules and messages.
impl<'de> Deserialize<'de> for Image {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_map(BlockVisitor { hero: true })? {
            Block::Image(image) => Ok(image),
            // Cannot happen (the kind is preset); an error rather than a panic.
            _ => Err(de::Error::custom("the hero must be an image")),
        }
    }
}

/// Reads a block; the hero is an image without `type`.
struct BlockVisitor {
    hero: bool,
}

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(if self.hero {
            "an object"
        } else {
            "a block object with a `type`"
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut kind = self.hero.then_some(Kind::Image);
        let mut slots = Slots::default();
        let mut unknown = None;
        while let Some(key) = map.next_key_seed(KeySeed(kind))? {
            match key {
                Key::Type if self.hero => {
                    return Err(de::Error::unknown_field("type", Kind::Image.fields()))
                }
                Key::Type if kind.is_some() => return Err(de::Error::duplicate_field("type")),
                Key::Type => kind = Some(map.next_value::<Tag>()?.0),
                Key::Field(name) => {
                    if slots.0.iter().any(|(n, _)| *n == name) {
                        return Err(de::Error::duplicate_field(name));
                    }
                    // Until the type is known a name is read as the first
                    // kind that has it reads it, and judged when it arrives.
                    let field = kind.map_or_else(|| any_kind_field(name), |k| k.field(name));
                    let Some(field) = field else {
                        return Err(de::Error::unknown_field(name, &[]));
                    };
                    let value = read(&mut map, field.slot)?;
                    if value.is_none() && kind.is_some() && !field.nullable {
                        return Err(null_for(name, field));
                    }
                    slots.0.push((name, value));
                }
                Key::Unknown(name) => {
                    map.next_value::<IgnoredAny>()?;
                    unknown.get_or_insert(name);
                }
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("type"))?;
        if let Some(name) = unknown {
            return Err(de::Error::unknown_field(&name, kind.fields()));
        }
        for (name, value) in &slots.0 {
            match kind.field(name) {
                None => return Err(de::Error::unknown_field(name, kind.fields())),
                Some(field) if value.is_none() && !field.nullable => {
                    return Err(null_for(name, field))
                }
                Some(_) => {}
            }
        }
        kind.build(&mut slots).map_err(de::Error::custom)
    }
}

/// How `name` is read in the first kind that has it (the table keeps one
/// type per name; `tests` checks).
fn any_kind_field(name: &str) -> Option<FieldType> {
    Kind::ALL.iter().find_map(|kind| kind.field(name))
}

/// The field's value in its slot type; `None` for `null`. Always through
/// `Option`, which the caller judges: one decoder per type in the bundle.
fn read<'de, A: MapAccess<'de>>(map: &mut A, slot: SlotKind) -> Result<Option<Value>, A::Error> {
    Ok(match slot {
        SlotKind::Text => map.next_value::<Option<_>>()?.map(Value::Text),
        SlotKind::Byte => map.next_value::<Option<_>>()?.map(Value::Byte),
        SlotKind::Number => map.next_value::<Option<_>>()?.map(Value::Number),
        SlotKind::Runs => map.next_value::<Option<_>>()?.map(Value::Runs),
        SlotKind::Files => map.next_value::<Option<_>>()?.map(Value::Files),
        SlotKind::Formats => map.next_value::<Option<_>>()?.map(Value::Formats),
    })
}

/// A `null` where a value must be. The field is named in the message: an
/// error raised here may be placed at the block rather than at the field.
fn null_for<E: de::Error>(name: &str, field: FieldType) -> E {
    E::custom(format_args!(
        "invalid type: null for `{name}`, expected {}",
        field.slot.expected()
    ))
}

/// A key of a block object.
enum Key {
    Type,
    Field(&'static str),
    /// No block type has it; reported once the type is known.
    Unknown(String),
}

/// Reads a key; once the block's kind is known, a field it does not have is
/// refused here, so the error's path ends in that key.
struct KeySeed(Option<Kind>);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        if key == "type" {
            return Ok(Key::Type);
        }
        let known = |kind: &Kind| kind.fields().iter().copied().find(|name| *name == key);
        match self.0 {
            Some(kind) => known(&kind)
                .map(Key::Field)
                .ok_or_else(|| E::unknown_field(key, kind.fields())),
            None => Ok(Kind::ALL
                .iter()
                .find_map(known)
                .map_or_else(|| Key::Unknown(key.to_owned()), Key::Field)),
        }
    }
}

/// The `type` value.
struct Tag(Kind);

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;
        impl Visitor<'_> for TagVisitor {
            type Value = Tag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a block type")
            }
            fn visit_str<E: de::Error>(self, tag: &str) -> Result<Tag, E> {
                Kind::ALL
                    .iter()
                    .find(|kind| kind.tag() == tag)
                    .map(|kind| Tag(*kind))
                    .ok_or_else(|| E::unknown_variant(tag, Kind::TAGS))
            }
        }
        deserializer.deserialize_str(TagVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_type_per_field_name() {
        // A name two kinds share must be read the same way by both, since it
        // may be read before `type` says which kind it belongs to.
        for kind in Kind::ALL {
            for name in kind.fields() {
                let here = kind.field(name).unwrap().slot;
                assert_eq!(any_kind_field(name).unwrap().slot, here, "{name}");
            }
        }
    }
}
