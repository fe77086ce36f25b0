//! Unit tests of claim rules on invented sentences.
