//! Language identification with whatlang, reported as ISO 639-1 codes.

use whatlang::Lang;

/// Fewer letters than this give trigram statistics too thin to trust.
const MIN_LETTERS: usize = 20;

/// Detects the language of `text` and returns its ISO 639-1 code ("en", "ru", "uk").
///
/// Returns `None` when the text is too short (fewer than 20 letters) or whatlang does not call
/// its guess reliable, and for the few languages without a two-letter code.
///
/// ```
/// use corroborate_text::detect_language;
///
/// let text = "The delegations agreed to exchange prisoners but made no progress on a ceasefire.";
/// assert_eq!(detect_language(text).as_deref(), Some("en"));
/// assert_eq!(detect_language("OK"), None);
/// ```
pub fn detect_language(text: &str) -> Option<String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_owned)
}

/// The ISO 639-1 code of a whatlang language; `None` for those without one.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(text: &str) -> Option<String> {
        detect_language(text)
    }

    #[test]
    fn english() {
        let text = "Ukrainian negotiators said Russia once again declined to agree to an \
                    unconditional ceasefire, a primary demand from Kyiv and its Western allies.";
        assert_eq!(detected(text).as_deref(), Some("en"));
    }

    #[test]
    fn russian() {
        let text = "Переговоры делегаций России и Украины в Стамбуле завершились через час, \
                    стороны договорились об обмене пленными и передаче тел погибших солдат.";
        assert_eq!(detected(text).as_deref(), Some("ru"));
    }

    #[test]
    fn ukrainian() {
        let text = "Переговори делегацій України та Росії у Стамбулі завершилися через годину, \
                    сторони домовилися про обмін полоненими та передачу тіл загиблих військових.";
        assert_eq!(detected(text).as_deref(), Some("uk"));
    }

    #[test]
    fn german() {
        let text = "Die Delegationen Russlands und der Ukraine haben sich in Istanbul auf einen \
                    weiteren Gefangenenaustausch geeinigt, eine Waffenruhe ist jedoch nicht in Sicht.";
        assert_eq!(detected(text).as_deref(), Some("de"));
    }

    #[test]
    fn french() {
        let text = "Les délégations russe et ukrainienne se sont mises d'accord à Istanbul sur un \
                    nouvel échange de prisonniers, mais aucun cessez-le-feu n'est en vue.";
        assert_eq!(detected(text).as_deref(), Some("fr"));
    }

    #[test]
    fn short_or_empty_text_is_unreliable() {
        assert_eq!(detected(""), None);
        assert_eq!(detected("Share"), None);
        assert_eq!(detected("12 345 678"), None);
        assert_eq!(detected("Kyiv, Moscow"), None);
    }
}
