//! Bytes to text: UTF-8 when it is, Windows-1252 otherwise (a superset of Latin-1 that
//! decodes every byte), so nothing is lost or rejected for its encoding alone.

use std::borrow::Cow;

/// Decodes bytes, with a warning when they were not valid UTF-8.
///
/// ```
/// let (text, warning) = corpusdb::read::decode(b"Cost: \xa3150");
/// assert_eq!(text, "Cost: £150");
/// assert!(warning.unwrap().contains("Windows-1252"));
/// ```
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(err) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let warning = format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                err.valid_up_to()
            );
            (Cow::Owned(text.into_owned()), Some(warning))
        }
    }
}
