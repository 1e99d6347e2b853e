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
