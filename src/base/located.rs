//! A value together with the place in its file where it was written.
//!
//! `voorwie controleer` must point a content expert at `bank.yaml:212:9` for
//! every problem, and an answers file with an unknown question id must be
//! reported with its line. Wrapping ids and references in [`Located`] keeps
//! that place through loading. Equality, ordering and hashing look only at the
//! value, so a located id behaves like the id itself.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Serialize, Serializer};

/// A 1-based line and column in a source file; `0:0` when unknown (for
/// values that were not read from a file, such as ones built in tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const UNKNOWN: Pos = Pos { line: 0, column: 0 };

    pub(crate) fn is_known(self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value read from a file, with where it was read.
#[derive(Clone, Debug, Default)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    /// A value without a known place (built in code or tests).
    pub(crate) fn new(value: T) -> Self {
        Located {
            value,
            pos: Pos::UNKNOWN,
        }
    }

    pub(crate) fn at(value: T, pos: Pos) -> Self {
        Located { value, pos }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Located<T> {}

impl<T: Hash> Hash for Located<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state)
    }
}

impl Borrow<str> for Located<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl PartialEq<str> for Located<String> {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Located<String> {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

impl<T: fmt::Display> fmt::Display for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}
