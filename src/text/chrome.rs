//! Site chrome that scrapers drag in before an article's title: skip links and the like.
//! The patterns are data (one table, several languages) so that they are easy to read and
//! to extend; the "Clean text" work builds the full block classifier on the same idea.

/// Lower-cased whole-line patterns of navigation chrome, with the language they are in.
const NAVIGATION: &[(&str, &str)] = &[
    ("skip to main content", "en"),
    ("skip to content", "en"),
    ("skip to navigation", "en"),
    ("skip navigation", "en"),
    ("jump to content", "en"),
    ("aller au contenu principal", "fr"),
    ("aller au contenu", "fr"),
    ("passer au contenu", "fr"),
    ("ir al contenido principal", "es"),
    ("saltar al contenido", "es"),
    ("ir al contenido", "es"),
    ("zum inhalt springen", "de"),
    ("zum hauptinhalt springen", "de"),
    ("direkt zum inhalt", "de"),
    ("الانتقال إلى المحتوى الرئيسي", "ar"),
    ("انتقل إلى المحتوى", "ar"),
    ("تخطي إلى المحتوى", "ar"),
];

/// Why a line is navigation chrome, or `None` when it is not.
///
/// ```
/// use corpusdb::text::chrome::navigation_reason;
/// assert!(navigation_reason("Aller au contenu principal").is_some());
/// assert!(navigation_reason("Skip to main content ›").is_some());
/// assert!(navigation_reason("Assad planning visit to North Korea").is_none());
/// ```
pub fn navigation_reason(line: &str) -> Option<String> {
    let normalized: String = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NAVIGATION
        .iter()
        .find(|(pattern, _)| normalized == *pattern)
        .map(|(_, lang)| format!("navigation link ({lang}) before the title"))
}
