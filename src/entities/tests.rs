//! Unit tests of entity rules on invented sentences.
