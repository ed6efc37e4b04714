//! Date expressions in text (placeholder, filled in below).
