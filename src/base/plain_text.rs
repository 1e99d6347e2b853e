//! Plain-text helpers that every layer uses: wrapping a paragraph to a
//! width, points with their sign, and dates the Dutch way.
//!
//! They sit here, below the views and the renderers, so that a view can put
//! "+2" in a sentence and a prompter can wrap a question without either
//! importing a renderer.

/// Wraps text to `width` columns with the given indents. Words are never
/// split at hyphens: file names, dates and compound words stay whole.
pub(crate) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let opts = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // Greedy wrapping, as terminals and editors do: the optimal-fit
        // algorithm cost a tenth of the start-up time of `voorwie kaart`.
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::fill(text, opts)
}

/// Formats an ISO date (YYYY-MM-DD) the Dutch way (DD-MM-YYYY); anything
/// else is shown as it is.
pub(crate) fn dutch_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}-{m}-{y}"),
        _ => iso.to_owned(),
    }
}

/// "+2" / "-1" for points.
pub(crate) fn signed(points: i32) -> String {
    if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

/// A label from the bank as it reads in the middle of a sentence: the first
/// letter in lower case ("Ad hoc contact" → "ad hoc contact"), "Eén" as
/// "één", and abbreviations and names left alone ("UWV", "Veilig Thuis").
pub(crate) fn lower_start(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("Eén") {
        return format!("één{rest}");
    }
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // An abbreviation ("UWV", "GGZ-team", "JGZ") keeps its capitals, and
    // so does a name ("Veilig Thuis", "De Tafel"): a later word that starts
    // with a capital and goes on in lower case.
    let is_name_word = |w: &str| {
        let mut c = w.trim_start_matches(|c: char| !c.is_alphanumeric()).chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
    };
    if chars.next().is_some_and(char::is_uppercase)
        || text.split_whitespace().skip(1).any(is_name_word)
    {
        return text.to_owned();
    }
    first.to_lowercase().chain(text.chars().skip(1)).collect()
}

/// Why a text is not a date, for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NotADate {
    /// Not in a form voorwie reads (yyyy-mm-dd or dd-mm-yyyy).
    Form,
    /// In such a form, but no day in the calendar (2026-13-45, 31-02-2026).
    NoSuchDay,
}

/// Reads a date as people write it: ISO `2026-10-15` (also with a time
/// after it, as in `2026-10-15T09:30`), or the Dutch way, day first:
/// `15-10-2026`, `5-3-2026`, `15/10/2026`, `15.10.2026`. The year has four
/// digits, so the two forms cannot be confused. Returns the date as ISO
/// `yyyy-mm-dd`, the form voorwie writes and sorts by.
pub(crate) fn parse_date(text: &str) -> Result<String, NotADate> {
    let t = text.trim();
    // ISO with a time: the date part.
    let t = match t.char_indices().nth(10) {
        Some((i, 'T' | ' ')) if t.as_bytes().get(4) == Some(&b'-') => &t[..i],
        _ => t,
    };
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let number = |s: &str, max_len: usize| -> Option<i16> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && t.as_bytes()[4] == b'-' => (y, m, d),
        [d, m, y] if y.len() == 4 => (y, m, d),
        _ => return Err(NotADate::Form),
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return Err(NotADate::Form);
    };
    let date = i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .and_then(|(m, d)| jiff::civil::Date::new(year, m, d).ok())
        .ok_or(NotADate::NoSuchDay)?;
    Ok(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_start_reads_mid_sentence() {
        assert_eq!(
            lower_start("Eén geïntegreerd team"),
            "één geïntegreerd team"
        );
        assert_eq!(
            lower_start("Ad hoc contact (connectie)"),
            "ad hoc contact (connectie)"
        );
        assert_eq!(lower_start("UWV"), "UWV");
        assert_eq!(lower_start("Jeugd-GGZ"), "jeugd-GGZ");
        assert_eq!(lower_start("De werkgever"), "de werkgever");
        assert_eq!(lower_start("Veilig Thuis"), "Veilig Thuis");
        assert_eq!(
            lower_start("Zorg voor mensen met een LVB"),
            "zorg voor mensen met een LVB"
        );
        assert_eq!(lower_start(""), "");
    }

    #[test]
    fn dates_iso_and_dutch() {
        assert_eq!(parse_date("2026-09-01").unwrap(), "2026-09-01");
        assert_eq!(parse_date(" 15-10-2026 ").unwrap(), "2026-10-15");
        assert_eq!(parse_date("5-3-2026").unwrap(), "2026-03-05");
        assert_eq!(parse_date("15/10/2026").unwrap(), "2026-10-15");
        assert_eq!(parse_date("15.10.2026").unwrap(), "2026-10-15");
        assert_eq!(
            parse_date("2026-10-15T09:30:00+02:00").unwrap(),
            "2026-10-15"
        );
        assert_eq!(parse_date("2026-13-45"), Err(NotADate::NoSuchDay));
        assert_eq!(parse_date("31-02-2026"), Err(NotADate::NoSuchDay));
        assert_eq!(parse_date("29-02-2028").unwrap(), "2028-02-29");
        assert_eq!(parse_date("15-10-26"), Err(NotADate::Form));
        assert_eq!(parse_date("oktober"), Err(NotADate::Form));
        assert_eq!(parse_date(""), Err(NotADate::Form));
        assert_eq!(parse_date("2026-1-1").unwrap(), "2026-01-01");
        assert_eq!(parse_date("１５-10-2026"), Err(NotADate::Form));
    }
}
