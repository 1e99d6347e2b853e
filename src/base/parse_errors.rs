//! What the YAML parser can say about a file, in Dutch and English, each
//! with the place it is about and how to fix it.
//!
//! serde-saphyr reports a parse error as one of its [`Error`] variants, and
//! errors of the scanner (granit-parser) as an [`ErrorKind`]. Every variant
//! and every kind of both has its own words here, so no English text of the
//! parser reaches a user: [`explain`] gives the message and the fix,
//! [`place`] the line and column to show (for a tab: the line with the
//! tab, where the scanner names the value before it), and [`snippet`] the
//! lines around it. `base::yaml` puts them together.
//!
//! Most of these a person editing a bank or an answers file in Notepad can
//! meet; a few can only come from features voorwie does not use (includes,
//! properties, robotics) or from the parser's own inner bookkeeping. Those
//! get a plain message too, and `tests/fuzz.rs` feeds the parser garbage to
//! make sure nothing falls through.

use serde_saphyr::Error;
use serde_saphyr::granit_parser::ErrorKind;

use crate::base::say::{pick, say};

/// The message and the fix for an error (the innermost one: an error at an
/// alias use is explained by the error itself).
pub(crate) fn explain(err: &Error) -> (String, String) {
    use serde_saphyr::localizer::ExternalMessageSource;
    let quote = "zet de tekst tussen aanhalingstekens (\"...\")";
    let quote_en = "put the text between quotes (\"...\")";
    let check_file = || {
        pick(
            "controleer of dit een voorwie-bestand is (een vragenbank of antwoordenbestand)",
            "check that this is a voorwie file (a question bank or an answers file)",
        )
        .to_owned()
    };
    let both = |nl: &str, en: &str, fix_nl: &str, fix_en: &str| {
        (pick_owned(nl, en), pick_owned(fix_nl, fix_en))
    };
    match err {
        Error::WithSnippet { error, .. } => explain(error),
        Error::AliasError { error, .. } => explain(error),
        Error::ExternalMessage { source, msg, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => scanner(scan.kind()),
            _ => (
                say!("ongeldige waarde: {msg}", "invalid value: {msg}"),
                check_file(),
            ),
        },
        // Our own readers (dates, texts) write the fix into the message
        // with [`with_fix`].
        Error::Message { msg, .. } => match msg.split_once(FIX) {
            Some((message, fix)) => (message.to_owned(), fix.to_owned()),
            None => (kind_name(msg), check_file()),
        },
        Error::InvalidOptions { msg, .. } => (
            say!(
                "interne fout bij het lezen ({msg})",
                "internal error while reading ({msg})"
            ),
            report_it(),
        ),
        Error::Eof { .. } => both(
            "het bestand houdt onverwacht op",
            "the file ends unexpectedly",
            "controleer of er een aanhalingsteken, ] of } ontbreekt, of dat het bestand half is opgeslagen",
            "check for a missing quote, ] or }, or whether the file was only half saved",
        ),
        Error::Budget { breach, .. } if format!("{breach:?}").starts_with("Documents") => both(
            "het bestand bevat meer dan één YAML-document (---)",
            "the file holds more than one YAML document (---)",
            "gebruik één document per bestand: haal de tweede '---' en wat erna komt weg, of zet het in een eigen bestand",
            "use one document per file: remove the second '---' and what follows, or put it in a file of its own",
        ),
        Error::MultipleDocuments { .. } => both(
            "het bestand bevat meer dan één YAML-document (---)",
            "the file holds more than one YAML document (---)",
            "gebruik één document per bestand: haal de tweede '---' en wat erna komt weg, of zet het in een eigen bestand",
            "use one document per file: remove the second '---' and what follows, or put it in a file of its own",
        ),
        Error::Unexpected { expected, .. } => (
            say!(
                "hier hoort {} te staan",
                "{} belongs here",
                kind_name(expected)
            ),
            look_at_example(),
        ),
        Error::MergeValueNotMapOrSeqOfMaps { .. } | Error::MergeKeyNotAllowed { .. } => both(
            "een samenvoegsleutel (<<) verwijst niet naar een mapping",
            "a merge key (<<) does not refer to a mapping",
            "schrijf de velden voluit in plaats van << te gebruiken",
            "write the fields out in full instead of using <<",
        ),
        Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::BytesNotSupportedMissingBinaryTag { .. } => both(
            "een !!binary-waarde is geen leesbare tekst",
            "a !!binary value is not readable text",
            "haal '!!binary' weg en schrijf de tekst gewoon uit",
            "remove '!!binary' and write the text plainly",
        ),
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::UnsupportedTag { .. }
        | Error::TaggedStructFieldName { .. }
        | Error::TaggedEnumMismatch { .. } => both(
            "een YAML-tag (!...) die voorwie niet kent",
            "a YAML tag (!...) that voorwie does not know",
            "haal de tag met ! weg; staat het ! in een tekst, zet de tekst dan tussen aanhalingstekens",
            "remove the tag starting with !; if the ! is part of a text, put the text between quotes",
        ),
        Error::UnexpectedSequenceEnd { .. } => both(
            "hier sluit een lijst (]) die niet geopend is",
            "a list is closed here (]) that was never opened",
            "haal de ] weg of zet de [ erbij",
            "remove the ] or add the [",
        ),
        Error::UnexpectedMappingEnd { .. } => both(
            "hier sluit een mapping (}) die niet geopend is",
            "a mapping is closed here (}) that was never opened",
            "haal de } weg of zet de { erbij",
            "remove the } or add the {",
        ),
        Error::ContainerEndMismatch { .. } => both(
            "een lijst of mapping sluit met het verkeerde haakje",
            "a list or mapping is closed with the wrong bracket",
            "sluit [ met ] en { met }",
            "close [ with ] and { with }",
        ),
        Error::InvalidBooleanStrict { .. } => both(
            "hier hoort true of false te staan",
            "true or false belongs here",
            "schrijf true of false; voorwie leest yes, no, on en off niet als waar of onwaar",
            "write true or false; voorwie does not read yes, no, on and off as true or false",
        ),
        Error::InvalidCharNull { .. } | Error::InvalidCharNotSingleScalar { .. } => both(
            "hier hoort precies één teken te staan",
            "exactly one character belongs here",
            "schrijf één teken",
            "write one character",
        ),
        Error::NullIntoString { .. } => both(
            "hier hoort een tekst te staan, maar de waarde is leeg",
            "a text belongs here, but the value is empty",
            "vul de tekst in, of haal de regel weg als het veld niet verplicht is",
            "fill in the text, or remove the line if the field is optional",
        ),
        Error::UnexpectedValueForUnit { .. }
        | Error::ExpectedEmptyMappingForUnitStruct { .. }
        | Error::UnexpectedValueForUnitEnumVariant { .. } => both(
            "hier hoort geen waarde te staan",
            "no value belongs here",
            "haal de waarde weg",
            "remove the value",
        ),
        Error::ExpectedStringKeyForExternallyTaggedEnum { .. }
        | Error::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | Error::ExpectedMappingEndAfterEnumVariantValue { .. }
        | Error::SerdeVariantId { .. } => both(
            "hier hoort één keuze (een woord) te staan",
            "one choice (a word) belongs here",
            "schrijf een van de toegestane woorden, zonder lijst of mapping",
            "write one of the allowed words, without a list or mapping",
        ),
        Error::UnexpectedContainerEndWhileSkippingNode { .. }
        | Error::UnexpectedContainerEndWhileReadingKeyNode { .. } => both(
            "de opbouw van het bestand klopt hier niet: een lijst of mapping sluit te vroeg",
            "the structure of the file is wrong here: a list or mapping closes too early",
            "controleer de inspringing en de haakjes op deze regel en de regel erboven",
            "check the indentation and the brackets on this line and the line above",
        ),
        Error::InternalSeedReusedForMapKey { .. }
        | Error::ValueRequestedBeforeKey { .. }
        | Error::InternalDepthUnderflow { .. }
        | Error::InternalRecursionStackEmpty { .. }
        | Error::HookError { .. } => (
            pick_owned(
                "interne fout van de YAML-lezer",
                "internal error of the YAML reader",
            ),
            report_it(),
        ),
        Error::InvalidUtf8Input => both(
            "het bestand is geen geldige UTF-8-tekst",
            "the file is not valid UTF-8 text",
            "sla het bestand op als UTF-8 (Kladblok: Opslaan als → Codering: UTF-8)",
            "save the file as UTF-8 (Notepad: Save as → Encoding: UTF-8)",
        ),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => both(
            "te veel verwijzingen naar ankers (&/*): dit lijkt op een 'billion laughs'-bestand en wordt niet gelezen",
            "too many references to anchors (&/*): this looks like a 'billion laughs' file and is not read",
            "schrijf de waarden voluit in plaats van met & en * te verwijzen",
            "write the values out in full instead of referring to them with & and *",
        ),
        Error::RecursiveReferencesRequireWeakTypes { .. } => both(
            "een anker (&) verwijst naar zichzelf",
            "an anchor (&) refers to itself",
            "schrijf de waarden voluit in plaats van met & en * te verwijzen",
            "write the values out in full instead of referring to them with & and *",
        ),
        Error::UnknownAnchor { .. } => both(
            "verwijzing (*) naar een anker (&) dat niet bestaat",
            "reference (*) to an anchor (&) that does not exist",
            "bedoel je een tekst die met * begint? Zet hem dan tussen aanhalingstekens",
            "do you mean a text starting with *? Then put it between quotes",
        ),
        Error::FoldedBlockScalarMustIndentContent { .. } => both(
            "de tekst na > of | moet inspringen",
            "the text after > or | must be indented",
            "laat elke regel van de tekst met meer spaties beginnen dan de sleutel erboven",
            "start every line of the text with more spaces than the key above it",
        ),
        Error::InvalidScalar { ty, .. } => (
            say!("hier hoort {} te staan", "{} belongs here", kind_name(ty)),
            look_at_example(),
        ),
        Error::NonFiniteFloat { value, .. } => (
            say!(
                "'{value}' is geen bruikbaar getal",
                "'{value}' is not a usable number"
            ),
            pick_owned("schrijf een gewoon getal", "write an ordinary number"),
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            say!(
                "hier staat {}, maar er hoort {} te staan",
                "this is {}, but {} belongs here",
                kind_name(unexpected),
                kind_name(expected)
            ),
            look_at_example(),
        ),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            say!(
                "ongeldige waarde {}; verwacht {}",
                "invalid value {}; expected {}",
                kind_name(unexpected),
                kind_name(expected)
            ),
            look_at_example(),
        ),
        Error::SerdeInvalidLength { len, expected, .. } => (
            say!(
                "deze lijst heeft {len} element(en); verwacht {}",
                "this list has {len} item(s); expected {}",
                kind_name(expected)
            ),
            look_at_example(),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            say!("onbekende waarde '{variant}'", "unknown value '{variant}'"),
            say!("kies uit: {}", "choose from: {}", expected.join(", ")),
        ),
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            say!("onbekend veld '{field}'", "unknown field '{field}'"),
            match suggest(field, expected) {
                Some(near) => say!(
                    "bedoel je '{near}'? Toegestaan zijn: {}",
                    "did you mean '{near}'? Allowed are: {}",
                    expected.join(", ")
                ),
                None => say!(
                    "toegestaan zijn: {}",
                    "allowed are: {}",
                    expected.join(", ")
                ),
            },
        ),
        Error::SerdeMissingField { field, .. } => (
            say!(
                "het verplichte veld '{field}' ontbreekt",
                "the required field '{field}' is missing"
            ),
            say!("voeg toe: {field}: ...", "add: {field}: ..."),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => say!(
                    "'{k}' staat hier voor de tweede keer; elke sleutel mag maar één keer voorkomen",
                    "'{k}' is here for the second time; each key may occur only once"
                ),
                None => pick_owned(
                    "deze sleutel staat er twee keer; elke sleutel mag maar één keer voorkomen",
                    "this key is there twice; each key may occur only once",
                ),
            },
            pick_owned(
                "haal een van de twee weg, of voeg ze samen",
                "remove one of the two, or merge them",
            ),
        ),
        Error::CyclicInclude { .. }
        | Error::UnsupportedIncludeForm { .. }
        | Error::ResolverError { .. } => both(
            "voorwie leest geen andere bestanden in (!include)",
            "voorwie does not read other files (!include)",
            "zet de inhoud in dit bestand zelf",
            "put the content in this file itself",
        ),
        Error::UnresolvedProperty { .. }
        | Error::InvalidPropertyName { .. }
        | Error::PropertyRequiredButUnset { .. }
        | Error::PropertyRequiredButEmpty { .. } => both(
            "voorwie vult geen ${...}-waarden in",
            "voorwie does not fill in ${...} values",
            quote,
            quote_en,
        ),
        Error::Budget { breach, .. } => (
            say!(
                "het bestand is te groot of te complex om veilig te lezen ({})",
                "the file is too large or too complex to read safely ({})",
                breach_name(&format!("{breach:?}"))
            ),
            check_file(),
        ),
        Error::IOError { cause } => (
            say!(
                "het bestand kon niet gelezen worden: {}",
                "the file could not be read: {}",
                crate::base::error::io_reason(cause)
            ),
            pick_owned(
                "probeer het opnieuw, of kopieer het bestand naar een andere map",
                "try again, or copy the file to another folder",
            ),
        ),
        Error::QuotingRequired { value, .. } => (
            say!(
                "'{value}' kan als getal of ja/nee gelezen worden",
                "'{value}' could be read as a number or yes/no"
            ),
            pick_owned(quote, quote_en),
        ),
        Error::CannotBorrowTransformedString { .. } => (
            pick_owned(
                "interne fout van de YAML-lezer",
                "internal error of the YAML reader",
            ),
            report_it(),
        ),
        Error::IndentationError { actual, .. } => (
            say!(
                "ongeldige inspringing ({actual} spaties)",
                "invalid indentation ({actual} spaces)"
            ),
            indent_fix(),
        ),
        // A later serde-saphyr may add variants: say what it said.
        other => (
            say!(
                "ongeldige YAML ({})",
                "invalid YAML ({})",
                serde_saphyr::MessageFormatter::format_message(
                    &serde_saphyr::UserMessageFormatter,
                    other.without_snippet()
                )
                .into_owned()
            ),
            check_file(),
        ),
    }
}

/// The scanner's kinds of error, each in words a person who edits a file
/// in Notepad understands, with the fix.
fn scanner(kind: &ErrorKind) -> (String, String) {
    use ErrorKind as K;
    let (nl, en, fix_nl, fix_en): (&str, &str, &str, &str) = match kind {
        K::InputIo { .. } => (
            "het bestand kon niet gelezen worden",
            "the file could not be read",
            "probeer het opnieuw, of kopieer het bestand naar een andere map",
            "try again, or copy the file to another folder",
        ),
        K::InputDecoding { .. } | K::InputOffsetsWithoutSlice | K::InputSlicingUnavailable => (
            "het bestand is geen geldige UTF-8-tekst",
            "the file is not valid UTF-8 text",
            "sla het bestand op als UTF-8 (Kladblok: Opslaan als → Codering: UTF-8)",
            "save the file as UTF-8 (Notepad: Save as → Encoding: UTF-8)",
        ),
        K::InputByteLimitExceeded { .. } => (
            "het bestand is te groot",
            "the file is too large",
            "is dit wel een vragenbank of antwoordenbestand?",
            "is this really a question bank or an answers file?",
        ),
        K::UnexpectedEofFlowSequence => (
            "een lijst die met [ begint, wordt niet met ] gesloten",
            "a list that starts with [ is not closed with ]",
            "zet een ] aan het eind van de lijst",
            "put a ] at the end of the list",
        ),
        K::UnexpectedEofFlowMapping | K::UnexpectedEofImplicitFlowMapping => (
            "een mapping die met { begint, wordt niet met } gesloten",
            "a mapping that starts with { is not closed with }",
            "zet een } aan het eind van de mapping",
            "put a } at the end of the mapping",
        ),
        K::UnexpectedEofBlockSequence | K::UnexpectedEofBlockMapping | K::UnexpectedEof => (
            "het bestand houdt onverwacht op",
            "the file ends unexpectedly",
            "controleer of er een aanhalingsteken, ] of } ontbreekt, of dat het bestand half is opgeslagen",
            "check for a missing quote, ] or }, or whether the file was only half saved",
        ),
        K::ExpectedStreamStart | K::ExpectedDocumentStart | K::InvalidDocumentEnd => (
            "het begin of einde van het document (--- of ...) klopt niet",
            "the start or end of the document (--- or ...) is wrong",
            "haal regels met alleen --- of ... weg; een voorwie-bestand heeft ze niet nodig",
            "remove lines with only --- or ...; a voorwie file does not need them",
        ),
        K::DuplicateVersionDirective
        | K::UnsupportedYamlMajorVersion
        | K::DuplicateTagDirective
        | K::MissingDocumentEndBeforeDirective
        | K::InvalidDirectiveTerminator
        | K::DirectiveDisallowed
        | K::MissingYamlVersionSeparator
        | K::MissingDirectiveName
        | K::InvalidDirectiveName
        | K::DirectiveByteLimitExceeded { .. }
        | K::TooManyReservedDirectiveParams { .. }
        | K::YamlVersionTooLong
        | K::MissingYamlVersion
        | K::InvalidTagDirectiveTerminator => (
            "een ongeldige YAML-aanwijzing (een regel die met % begint)",
            "an invalid YAML directive (a line starting with %)",
            "haal de regel met % weg; staat het % in een tekst, zet de tekst dan tussen aanhalingstekens",
            "remove the line with %; if the % is part of a text, put the text between quotes",
        ),
        K::AnchorCountOverflow => (
            "te veel ankers (&)",
            "too many anchors (&)",
            "schrijf de waarden voluit in plaats van met & en * te verwijzen",
            "write the values out in full instead of referring to them with & and *",
        ),
        K::UnknownAnchor => (
            "verwijzing (*) naar een anker (&) dat niet bestaat",
            "reference (*) to an anchor (&) that does not exist",
            "bedoel je een tekst die met * begint? Zet hem dan tussen aanhalingstekens",
            "do you mean a text starting with *? Then put it between quotes",
        ),
        K::ExpectedNodeContent => (
            "hier ontbreekt een waarde",
            "a value is missing here",
            "vul de waarde in; begint een tekst met een teken als @, ` of %, zet hem dan tussen aanhalingstekens",
            "fill in the value; if a text starts with a character such as @, ` or %, put it between quotes",
        ),
        K::ExpectedBlockMappingKey | K::SimpleKeyExpected | K::InvalidSimpleKey => (
            "hier verwacht voorwie een sleutel (naam: waarde), of de inspringing klopt niet",
            "voorwie expects a key here (name: value), or the indentation is wrong",
            "laat deze regel even ver inspringen als de sleutels ernaast, met spaties; staat er een dubbele punt in een tekst, zet de tekst dan tussen aanhalingstekens",
            "indent this line as far as the keys beside it, with spaces; if a text contains a colon, put the text between quotes",
        ),
        K::ExpectedFlowMappingSeparator => (
            "in een mapping { ... } ontbreekt een komma of de sluitende }",
            "a mapping { ... } lacks a comma or the closing }",
            "zet een komma tussen de paren en sluit met }",
            "put a comma between the pairs and close with }",
        ),
        K::ExpectedFlowSequenceSeparator => (
            "in een lijst [ ... ] ontbreekt een komma of de sluitende ]",
            "a list [ ... ] lacks a comma or the closing ]",
            "zet een komma tussen de elementen en sluit met ]",
            "put a comma between the items and close with ]",
        ),
        K::ExpectedBlockSequenceEntry | K::BlockSequenceEntryNotAllowed => (
            "een lijstregel (- ...) staat hier niet op zijn plaats",
            "a list line (- ...) is out of place here",
            "laat alle regels van de lijst even ver inspringen, elk met '- ' ervoor",
            "indent all lines of the list equally, each with '- ' in front",
        ),
        K::BlockEntryInFlowCollection => (
            "een lijstregel (- ...) binnen [ ] of { }",
            "a list line (- ...) inside [ ] or { }",
            "schrijf de lijst als [a, b] of als regels met '- ', niet beide",
            "write the list as [a, b] or as lines with '- ', not both",
        ),
        K::InvalidBlockEntryWhitespace => (
            "na het streepje van een lijstregel hoort een spatie",
            "a space belongs after the dash of a list line",
            "schrijf '- waarde' met een spatie na het streepje",
            "write '- value' with a space after the dash",
        ),
        K::UndeclaredTagHandle
        | K::ExpectedTagBang
        | K::ExpectedTagDirectiveBang
        | K::InvalidGlobalTagCharacter
        | K::InvalidTagTerminator
        | K::MissingTagUri
        | K::UnclosedVerbatimTag
        | K::InvalidTagEscape
        | K::InvalidTagUtf8LeadingByte
        | K::InvalidTagUtf8TrailingByte
        | K::InvalidTagUtf8 => (
            "een ongeldige YAML-tag (iets dat met ! begint)",
            "an invalid YAML tag (something starting with !)",
            "begint een tekst met !, zet hem dan tussen aanhalingstekens",
            "if a text starts with !, put it between quotes",
        ),
        K::MissingIncludeResolver | K::MultipleDocumentsUnsupported => (
            "voorwie leest geen andere bestanden of documenten in",
            "voorwie does not read other files or documents",
            "zet alles in dit ene bestand, in één document",
            "put everything in this one file, in one document",
        ),
        K::Custom(_) => (
            "ongeldige YAML",
            "invalid YAML",
            "controleer deze regel",
            "check this line",
        ),
        K::InvalidIndentation
        | K::InvalidFlowScalarIndent
        | K::InvalidQuotedScalarIndent
        | K::InvalidBlockScalarIndent => (
            "ongeldige inspringing",
            "invalid indentation",
            "laat deze regel even ver inspringen als de regels ernaast die erbij horen, met spaties",
            "indent this line as far as the lines beside it that belong with it, with spaces",
        ),
        K::BomInsideDocument => (
            "een onzichtbaar BOM-teken (U+FEFF) midden in het bestand",
            "an invisible BOM character (U+FEFF) in the middle of the file",
            "haal het teken weg: plak de tekst als platte tekst, of sla het bestand opnieuw op als UTF-8",
            "remove the character: paste the text as plain text, or save the file again as UTF-8",
        ),
        K::UnexpectedCharacter { .. } => (
            "een teken dat hier niet mag staan (zoals @, ` of %)",
            "a character that may not stand here (such as @, ` or %)",
            "zet de tekst tussen aanhalingstekens",
            "put the text between quotes",
        ),
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabAtBlockScalarStart
        | K::TabInIndentation
        | K::TabInPlainScalar => (
            "een tab waar YAML alleen spaties toestaat (voor inspringing)",
            "a tab where YAML allows only spaces (for indentation)",
            "vervang de tab door spaties (in Kladblok zie je het verschil niet: haal de ruimte weg en typ spaties)",
            "replace the tab with spaces (in Notepad you cannot see the difference: delete the gap and type spaces)",
        ),
        K::CommentInterceptedScalar | K::CommentNotSeparated => (
            "een # midden in een tekst wordt gelezen als begin van commentaar",
            "a # in the middle of a text is read as the start of a comment",
            "zet de tekst tussen aanhalingstekens, of zet een spatie voor de # als het commentaar is",
            "put the text between quotes, or put a space before the # if it is a comment",
        ),
        K::ExpectedWhitespace | K::InvalidMappingValueWhitespace => (
            "hier ontbreekt een spatie",
            "a space is missing here",
            "zet een spatie na de dubbele punt: 'sleutel: waarde'",
            "put a space after the colon: 'key: value'",
        ),
        K::MissingAnchorOrAliasName => (
            "een & of * zonder naam",
            "an & or * without a name",
            "begint een tekst met & of *, zet hem dan tussen aanhalingstekens",
            "if a text starts with & or *, put it between quotes",
        ),
        K::MisplacedFlowCollectionEnd => (
            "een ] of } die hier niet hoort",
            "a ] or } that does not belong here",
            "haal het haakje weg, of zet de tekst tussen aanhalingstekens",
            "remove the bracket, or put the text between quotes",
        ),
        K::MismatchedFlowCollectionEnd { .. } => (
            "een lijst of mapping sluit met het verkeerde haakje",
            "a list or mapping is closed with the wrong bracket",
            "sluit [ met ] en { met }",
            "close [ with ] and { with }",
        ),
        K::UnclosedFlowCollection { open: '[' } => (
            "een lijst die met [ begint, wordt niet met ] gesloten",
            "a list that starts with [ is not closed with ]",
            "zet een ] aan het eind van de lijst",
            "put a ] at the end of the list",
        ),
        K::UnclosedFlowCollection { .. } => (
            "een mapping die met { begint, wordt niet met } gesloten",
            "a mapping that starts with { is not closed with }",
            "zet een } aan het eind van de mapping",
            "put a } at the end of the mapping",
        ),
        K::RecursionLimitExceeded => (
            "het bestand is te diep genest",
            "the file is nested too deeply",
            "controleer of dit een voorwie-bestand is; voorwie-bestanden zijn hooguit enkele niveaus diep",
            "check that this is a voorwie file; voorwie files are at most a few levels deep",
        ),
        K::ZeroBlockScalarIndent | K::InvalidBlockScalarHeader => (
            "na > of | mag alleen een + of - staan, of een cijfer van 1 tot 9",
            "after > or | only a + or -, or a digit from 1 to 9, may follow",
            "schrijf alleen > of | aan het eind van de regel en de tekst op de regels eronder",
            "write only > or | at the end of the line and the text on the lines below",
        ),
        K::DocumentIndicatorInQuotedScalar => (
            "een regel met --- of ... binnen een tekst tussen aanhalingstekens",
            "a line with --- or ... inside a quoted text",
            "laat de regel niet met --- of ... beginnen, of sluit de aanhalingstekens eerder",
            "do not start the line with --- or ..., or close the quotes earlier",
        ),
        K::UnclosedQuotedScalar => (
            "een aanhalingsteken wordt niet gesloten",
            "a quote is not closed",
            "zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin; een ' in een tekst tussen '...' schrijf je als ''",
            "put the same quote at the end of the text as at the start; write a ' inside '...' as ''",
        ),
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => (
            "na het sluitende aanhalingsteken staat nog tekst",
            "there is more text after the closing quote",
            "zet de hele tekst tussen de aanhalingstekens; een ' in '...' schrijf je als '' en een \" in \"...\" als \\\"",
            "put the whole text between the quotes; write a ' inside '...' as '' and a \" inside \"...\" as \\\"",
        ),
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => (
            "een ongeldige \\ in een tekst tussen dubbele aanhalingstekens",
            "an invalid \\ in a text between double quotes",
            "schrijf \\\\ voor een backslash, of zet de tekst tussen enkele aanhalingstekens ('...')",
            "write \\\\ for a backslash, or put the text between single quotes ('...')",
        ),
        K::PlainScalarStartsWithDashFlowIndicator | K::UnexpectedEndOfPlainScalar => (
            "een tekst begint of eindigt met een teken dat YAML anders leest",
            "a text starts or ends with a character that YAML reads differently",
            "zet de tekst tussen aanhalingstekens",
            "put the text between quotes",
        ),
        K::MappingKeyNotAllowed
        | K::MappingValueNotAllowed
        | K::FlowMappingValueAdjacentCollection
        | K::InvalidColonPlacement => (
            "een dubbele punt met spatie (': ') midden in een waarde",
            "a colon with a space (': ') in the middle of a value",
            "zet de tekst tussen aanhalingstekens, of zet de sleutel op een eigen regel",
            "put the text between quotes, or put the key on a line of its own",
        ),
        _ => (
            "ongeldige YAML",
            "invalid YAML",
            "controleer deze regel en de regel erboven",
            "check this line and the line above",
        ),
    };
    (pick_owned(nl, en), pick_owned(fix_nl, fix_en))
}

/// Between a message and its fix in a custom error of our own readers.
const FIX: &str = "\n    → ";

/// A custom error for a `Deserialize` of our own, with its fix: shown as
/// any other parse error, at the place of the value.
pub(crate) fn with_fix(message: &str, fix: &str) -> String {
    format!("{message}{FIX}{fix}")
}

/// Whether an error is about a tab, which the scanner reports at the value
/// before it.
pub(crate) fn is_about_a_tab(err: &Error) -> bool {
    use serde_saphyr::localizer::ExternalMessageSource;
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => is_about_a_tab(error),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => matches!(
                scan.kind(),
                ErrorKind::TabNotAllowed
                    | ErrorKind::TabInBlockIndentation
                    | ErrorKind::TabAtBlockScalarStart
                    | ErrorKind::TabInIndentation
                    | ErrorKind::TabInPlainScalar
            ),
            _ => false,
        },
        _ => false,
    }
}

/// The place to show for an error at `line`:`column` (1-based): for a tab,
/// the first tab in the indentation of this line or a line below it (the
/// scanner names the value it was reading), else the place as given.
pub(crate) fn place(text: &str, line: usize, column: usize, tab: bool) -> (usize, usize) {
    if !tab {
        return (line, column);
    }
    for (i, l) in text
        .lines()
        .enumerate()
        .skip(line.saturating_sub(1))
        .take(50)
    {
        let indent = l.len() - l.trim_start_matches([' ', '\t']).len();
        if let Some(at) = l[..indent].find('\t') {
            return (i + 1, l[..at].chars().count() + 1);
        }
    }
    // A tab elsewhere on the line itself.
    if let Some(l) = text.lines().nth(line.saturating_sub(1))
        && let Some(at) = l.find('\t')
    {
        return (line, l[..at].chars().count() + 1);
    }
    (line, column)
}

/// The line before the place, the line itself and a caret under the
/// column, safe to print (no control characters; a tab shows as `→`).
pub(crate) fn snippet(text: &str, line: usize, column: usize) -> Option<String> {
    if line == 0 {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let this = *lines.get(line - 1)?;
    let width = line.to_string().len();
    let show = |l: &str| -> String {
        let l: String = l.chars().take(200).collect();
        crate::base::sanitize::line(&l.replace('\t', "→   "))
    };
    let mut out = format!("{:width$} |\n", "");
    if line >= 2
        && let Some(before) = lines.get(line - 2)
        && !before.trim().is_empty()
    {
        out.push_str(&format!("{:>width$} | {}\n", line - 1, show(before)));
    }
    out.push_str(&format!("{line:>width$} | {}\n", show(this)));
    let before_caret: String = this.chars().take(column.saturating_sub(1)).collect();
    let pad = textwrap::core::display_width(&show(&before_caret)).min(200);
    out.push_str(&format!("{:width$} | {:pad$}^", "", ""));
    Some(out)
}

fn pick_owned(nl: &str, en: &str) -> String {
    if crate::base::say::english() { en } else { nl }.to_owned()
}

fn report_it() -> String {
    pick_owned(
        "controleer het bestand; blijft dit gebeuren, meld het dan bij de makers van voorwie",
        "check the file; if this keeps happening, report it to the makers of voorwie",
    )
}

fn look_at_example() -> String {
    pick_owned(
        "vergelijk met een voorbeeld: voorwie voorbeeld NAAM --sjabloon",
        "compare with an example: voorwie voorbeeld NAME --sjabloon",
    )
}

fn indent_fix() -> String {
    pick_owned(
        "laat deze regel even ver inspringen als de regels ernaast die erbij horen, met spaties",
        "indent this line as far as the lines beside it that belong with it, with spaces",
    )
}

/// The closest allowed field name, by shared prefix or a small typo.
fn suggest<'a>(field: &str, expected: &[&'a str]) -> Option<&'a str> {
    let f = field.to_lowercase();
    expected
        .iter()
        .map(|e| {
            let common = e.chars().zip(f.chars()).take_while(|(a, b)| a == b).count();
            (common, *e)
        })
        .filter(|(n, e)| *n >= 3 || (*n >= 2 && e.len() <= 4))
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e)
}

/// Translates the type descriptions serde uses ("a sequence", "u32", ...).
pub(crate) fn kind_name(s: &str) -> String {
    let table: &[(&str, &str, &str)] = &[
        (
            "string scalar",
            "een enkele waarde (tekst of getal)",
            "a single value (text or number)",
        ),
        (
            "scalar",
            "een enkele waarde (tekst of getal)",
            "a single value (text or number)",
        ),
        ("sequence start", "een lijst", "a list"),
        (
            "mapping start",
            "een mapping (sleutel: waarde)",
            "a mapping (key: value)",
        ),
        ("a sequence", "een lijst", "a list"),
        ("sequence", "een lijst", "a list"),
        (
            "a map",
            "een mapping (sleutel: waarde)",
            "a mapping (key: value)",
        ),
        (
            "map",
            "een mapping (sleutel: waarde)",
            "a mapping (key: value)",
        ),
        ("a string", "een tekst", "a text"),
        // Our texts from the bank (`base::text`): one, or one per language.
        (
            "a text per language",
            "een tekst, of per taal een tekst (nl: ..., en: ...)",
            "a text, or a text per language (nl: ..., en: ...)",
        ),
        ("string", "een tekst", "a text"),
        ("a boolean", "true of false", "true or false"),
        ("boolean", "true of false", "true or false"),
        ("an integer", "een geheel getal", "a whole number"),
        ("integer", "een geheel getal", "a whole number"),
        ("i32", "een geheel getal", "a whole number"),
        ("i64", "een geheel getal", "a whole number"),
        (
            "u32",
            "een geheel getal (0 of meer)",
            "a whole number (0 or more)",
        ),
        (
            "u64",
            "een geheel getal (0 of meer)",
            "a whole number (0 or more)",
        ),
        ("f64", "een getal", "a number"),
        ("floating point", "een getal", "a number"),
        ("unit value", "een lege waarde", "an empty value"),
        ("null", "een lege waarde", "an empty value"),
    ];
    let en = crate::base::say::english();
    let word = |nl: &str, e: &str| if en { e.to_owned() } else { nl.to_owned() };
    let trimmed = s.trim();
    for (key, nl, e) in table {
        if trimmed.eq_ignore_ascii_case(key) {
            return word(nl, e);
        }
    }
    // Serde writes `struct X` / `enum X`; keep the rest as it is.
    if let Some(rest) = trimmed.strip_prefix("struct ") {
        return say!("een mapping ({rest})", "a mapping ({rest})");
    }
    if let Some(rest) = trimmed.strip_prefix("enum ") {
        return say!("een keuze ({rest})", "a choice ({rest})");
    }
    for (key, nl, e) in table {
        if let Some(rest) = trimmed.strip_prefix(&format!("{key} ")) {
            return format!("{} {rest}", word(nl, e));
        }
    }
    trimmed.to_owned()
}

fn breach_name(debug: &str) -> String {
    let lower = debug.to_lowercase();
    let (nl, en) = if lower.contains("depth") {
        ("te diep genest", "nested too deeply")
    } else if lower.contains("alias") || lower.contains("anchor") {
        (
            "te veel verwijzingen naar ankers",
            "too many references to anchors",
        )
    } else if lower.contains("document") {
        ("meer dan één document", "more than one document")
    } else if lower.contains("scalar") || lower.contains("bytes") {
        ("te veel tekst", "too much text")
    } else {
        ("te veel elementen", "too many elements")
    };
    pick_owned(nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::say::with_message_lang;
    use crate::base::text::Lang;

    /// Every kind of scanner error has its own Dutch and English words and
    /// a fix, none of them the parser's English.
    #[test]
    fn every_scanner_error_in_dutch_and_english() {
        use ErrorKind as K;
        let kinds = [
            K::UnexpectedEofFlowSequence,
            K::UnexpectedEofFlowMapping,
            K::UnexpectedEof,
            K::ExpectedDocumentStart,
            K::DuplicateVersionDirective,
            K::AnchorCountOverflow,
            K::UnknownAnchor,
            K::ExpectedNodeContent,
            K::ExpectedBlockMappingKey,
            K::ExpectedFlowMappingSeparator,
            K::ExpectedFlowSequenceSeparator,
            K::ExpectedBlockSequenceEntry,
            K::BlockEntryInFlowCollection,
            K::InvalidBlockEntryWhitespace,
            K::UndeclaredTagHandle,
            K::InvalidIndentation,
            K::BomInsideDocument,
            K::UnexpectedCharacter { character: '@' },
            K::TabInIndentation,
            K::TabInPlainScalar,
            K::CommentInterceptedScalar,
            K::ExpectedWhitespace,
            K::MissingAnchorOrAliasName,
            K::MisplacedFlowCollectionEnd,
            K::MismatchedFlowCollectionEnd {
                open: '[',
                close: '}',
            },
            K::UnclosedFlowCollection { open: '[' },
            K::UnclosedFlowCollection { open: '{' },
            K::RecursionLimitExceeded,
            K::ZeroBlockScalarIndent,
            K::DocumentIndicatorInQuotedScalar,
            K::UnclosedQuotedScalar,
            K::InvalidTrailingDoubleQuotedScalar,
            K::UnknownQuotedScalarEscape,
            K::PlainScalarStartsWithDashFlowIndicator,
            K::MappingValueNotAllowed,
            K::Custom("x".into()),
        ];
        for kind in kinds {
            let (nl, nl_fix) = with_message_lang(Lang::Nl, || scanner(&kind));
            let (en, en_fix) = with_message_lang(Lang::En, || scanner(&kind));
            assert_ne!(nl, en, "{kind:?}");
            assert_ne!(nl_fix, en_fix, "{kind:?}");
            for text in [&nl, &en, &nl_fix, &en_fix] {
                assert!(!text.is_empty(), "{kind:?}");
                for english in ["while ", "did not find", "unclosed", "recursion limit"] {
                    assert!(!text.contains(english), "{kind:?}: {text}");
                }
            }
        }
        let (nl, _) = with_message_lang(Lang::Nl, || scanner(&K::RecursionLimitExceeded));
        assert_eq!(nl, "het bestand is te diep genest");
    }

    #[test]
    fn a_tab_is_placed_on_its_own_line() {
        let text = "versie: 1\nantwoorden:\n  startvraag: ja\n\tdraagkracht: last\n";
        assert_eq!(place(text, 3, 15, true), (4, 1));
        assert_eq!(place(text, 3, 15, false), (3, 15));
        let snippet = snippet(text, 4, 1).unwrap();
        assert!(snippet.contains("4 | →   draagkracht"), "{snippet}");
        assert!(!snippet.contains('\t'));
    }
}
