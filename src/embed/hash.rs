//! The hash the markup's fingerprint and shape carry. A leaf.

/// 64-bit FNV-1a: small, fast and identical on server and browser. Not for
/// secrets, only for telling markup and data apart.
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    /// Adds bytes to the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything written.
    pub fn finish(&self) -> u64 {
        self.0
    }

    /// Appends the hash as 16 lowercase hex digits. Written by hand:
    /// `format!` would make the browser compile Rust's formatting code on
    /// every page's first mount, seven functions of it, each a main-thread
    /// compile (docs/performance.md, "Compile hints").
    pub fn push_hex(&self, out: &mut String) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        for shift in (0..16).rev() {
            out.push(char::from(DIGITS[(self.0 >> (shift * 4)) as usize & 0xf]));
        }
    }

    /// The hash as 16 lowercase hex digits, as the markup attributes carry it.
    pub fn hex(&self) -> String {
        let mut out = String::with_capacity(16);
        self.push_hex(&mut out);
        out
    }
}
