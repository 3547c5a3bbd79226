//! Structs read from JSON objects only.
//!
//! serde's derive lets a struct be read from an array of its field values
//! too (`"utm": []`), which the JSON Schema refuses and no CMS means. Each
//! contract struct derives with `#[serde(remote = "Self")]`, which turns the
//! derived code into plain functions, and [`object_serde!`] implements the
//! traits over them: writing unchanged, reading through [`ObjectOnly`].

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};

/// A deserializer that reads a struct as a map: JSON arrays are refused
/// with "invalid type: sequence, expected an object".
pub struct ObjectOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Object(visitor))
    }

    // The derived code asks for a struct and nothing else.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The derived visitor, taking maps only and saying "expected an object"
/// (rather than "struct Utm", a name no CMS author knows).
struct Object<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Object<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }
}

/// `Serialize` and `Deserialize` for structs that derive them with
/// `#[serde(remote = "Self")]`: objects only on the way in.
macro_rules! object_serde {
    ($($T:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $T {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$T>::deserialize($crate::model::ObjectOnly(deserializer))
            }
        }

        impl serde::Serialize for $T {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$T>::serialize(self, serializer)
            }
        }
    )*};
}
pub(crate) use object_serde;
