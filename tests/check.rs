//! `voorwie controleer`: each kind of problem in a bank is caught, with its
//! place. Each test breaks the default bank in one way.

use voorwie::bank::check;
use voorwie::bank::load;
use voorwie::base::problem::{Problems, Severity};

const BANK: &str = include_str!("../data/bank.yaml");

/// Applies replacements (each must match) and checks the result.
fn broken(replacements: &[(&str, &str)]) -> Problems {
    let mut text = BANK.to_owned();
    for (from, to) in replacements {
        assert!(text.contains(from), "test setup: {from:?} not in bank.yaml");
        text = text.replacen(from, to, 1);
    }
    let bank = load::parse_bank(&text, "bank.yaml").unwrap_or_else(|e| panic!("{e}"));
    check::check(&bank, "bank.yaml")
}

/// Asserts an error containing `needle`, with a known line, and returns it.
fn error_with(problems: &Problems, needle: &str) -> String {
    let p = problems
        .list
        .iter()
        .find(|p| p.severity == Severity::Error && p.message.contains(needle))
        .unwrap_or_else(|| panic!("no error with {needle:?} in:\n{problems}"));
    let mut line = String::new();
    problems.write_one(&mut line, p).unwrap();
    line
}

fn assert_placed(line: &str, expected_line: usize) {
    let prefix = format!("bank.yaml:{expected_line}:");
    assert!(line.starts_with(&prefix), "expected {prefix}… got {line}");
    assert!(line.contains("\n    → "), "every problem has a fix: {line}");
}

fn line_of(needle: &str) -> usize {
    BANK.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .expect(needle)
}

#[test]
fn the_default_bank_is_valid() {
    let bank = load::default_bank().unwrap();
    let problems = check::check(&bank, "bank.yaml");
    assert!(problems.list.is_empty(), "{problems}");
}

#[test]
fn duplicate_ids() {
    let p = broken(&[("  - id: opening\n", "  - id: op_de_hoogte\n")]);
    let line = error_with(&p, "vraag-id 'op_de_hoogte' staat er twee keer");
    assert_placed(&line, line_of("  - id: op_de_hoogte"));

    let p = broken(&[("      - id: balans\n", "      - id: ruim\n")]);
    error_with(&p, "optie 'ruim' staat er twee keer");

    let p = broken(&[("    - id: een_partij\n", "    - id: startvraag_nee\n")]);
    error_with(&p, "regel 'startvraag_nee' staat er twee keer");
}

#[test]
fn references_to_missing_questions_and_options() {
    let p = broken(&[(
        "        - vraag: afstemming\n          is: [geen, weinig]",
        "        - vraag: afstemmingen\n          is: [geen, weinig]",
    )]);
    let line = error_with(
        &p,
        "verwijst naar een vraag die niet bestaat: 'afstemmingen'",
    );
    assert_placed(&line, line_of("is: [geen, weinig]") - 1);

    let p = broken(&[("is: [geen, weinig]", "is: [geen, beetje]")]);
    let line = error_with(&p, "'beetje' is geen optie van vraag 'afstemming'");
    assert_placed(&line, line_of("is: [geen, weinig]"));

    let p = broken(&[(
        "vermenigvuldig: [problematiek_bij, leefgebieden]",
        "vermenigvuldig: [problematiek_bij, levensgebieden]",
    )]);
    error_with(&p, "vraag 'levensgebieden' bestaat niet");

    let p = broken(&[("    nodig: doel_partijen\n", "    nodig: doel_partij\n")]);
    error_with(&p, "ontbrekend: vraag 'doel_partij' bestaat niet");
}

#[test]
fn the_continuum_must_be_exactly_the_five_steps() {
    let p = broken(&[(
        "  - id: integratie\n    naam:\n      nl: Integratie",
        "  - id: fusie\n    naam:\n      nl: Integratie",
    )]);
    error_with(&p, "precies deze vijf stappen");

    let p = broken(&[
        (
            "  - id: segregatie\n    naam:\n      nl: Segregatie",
            "  - id: connectie\n    naam:\n      nl: Segregatie",
        ),
        (
            "  - id: connectie\n    naam:\n      nl: Connectie",
            "  - id: segregatie\n    naam:\n      nl: Connectie",
        ),
    ]);
    error_with(&p, "in deze volgorde");
}

#[test]
fn scales_need_anchors_and_options_need_labels() {
    let p = broken(&[(
        "        anker:\n          nl: >-\n            Ieder werkt zelfstandig; af en toe informatie of advies van de ander\n            maakt het beter.\n          en: >-\n            Each works independently; information or advice from the other now\n            and then makes it better.\n",
        "",
    )]);
    let line = error_with(
        &p,
        "schaal 'doel_afhankelijk': optie 'informatie' heeft geen anker",
    );
    assert!(line.contains("wat is zwaar?"), "{line}");

    let p = broken(&[(
        "      - id: wijkteam\n        groep: basis\n        label:\n          nl: Wijkteam of sociaal team\n          en: Wijkteam (neighbourhood social team)\n",
        "      - id: wijkteam\n        groep: basis\n",
    )]);
    error_with(&p, "optie 'wijkteam' heeft geen label");
}

#[test]
fn weights_must_be_in_range() {
    let p = broken(&[("        gewicht: -1\n", "        gewicht: 60\n")]);
    let line = error_with(&p, "gewicht 60 ligt buiten -5..10");
    assert_placed(&line, line_of("        gewicht: -1\n".trim_end()));
}

#[test]
fn every_question_is_marked_screening_or_deepening() {
    let p = broken(&[(
        "  - id: opening\n    niveau: gezin\n    fase: verdieping\n",
        "  - id: opening\n    niveau: gezin\n",
    )]);
    let line = error_with(&p, "vraag 'opening' mist 'fase'");
    assert_placed(&line, line_of("  - id: opening"));
}

#[test]
fn unreachable_questions() {
    // `belemmering` would depend on a question asked after it.
    let p = broken(&[(
        "      - vraag: intensief_mogelijk\n        is: [tot_cooperatie",
        "      - vraag: initiatieven\n        is: [tot_cooperatie",
    )]);
    error_with(&p, "vraag 'belemmering' is onbereikbaar");
    // A condition that can never be known when asked: a later level.
    let p = broken(&[(
        "    toon_als:\n      - moment: [casuistiekbespreking, afschalen, evaluatie]",
        "    toon_als:\n      - vraag: afstemming\n        is: [geen]",
    )]);
    error_with(&p, "vraag 'doel_behaald' is onbereikbaar");
}

#[test]
fn organisation_and_policy_never_change_the_need() {
    let p = broken(&[(
        "        mogelijk_tot: coordinatie\n",
        "        mogelijk_tot: coordinatie\n        gewicht: -2\n",
    )]);
    error_with(&p, "(organisatie en beleid) heeft een gewicht");

    let p = broken(&[(
        "    - id: een_partij\n",
        "    - id: kan_niet\n      als:\n        - vraag: intensief_mogelijk\n          is: [tot_connectie]\n      dan:\n        maximaal: connectie\n      reden: Kan niet.\n    - id: een_partij\n",
    )]);
    error_with(
        &p,
        "regel 'kan_niet' verandert wat nodig is op grond van 'intensief_mogelijk'",
    );
}

#[test]
fn unknown_steps_levels_sources_and_directions() {
    let p = broken(&[(
        "        minimaal: coordinatie\n",
        "        minimaal: zorgcoordinatie\n",
    )]);
    error_with(&p, "onbekende stap 'zorgcoordinatie'");

    let p = broken(&[(
        "  - id: brede_blik\n    niveau: gezin\n",
        "  - id: brede_blik\n    niveau: familie\n",
    )]);
    error_with(&p, "onbekend niveau 'familie'");

    let p = broken(&[(
        "    bron: \"vwdww: Bijlage 2, niveau gezin\"\n",
        "    bron: \"vwdw: Bijlage 2, niveau gezin\"\n",
    )]);
    error_with(&p, "onbekende bron 'vwdw'");

    let p = broken(&[(
        "        richting: eerst_afstemmen\n",
        "        richting: eerst_overleggen\n",
    )]);
    error_with(&p, "onbekende richting 'eerst_overleggen'");
}

#[test]
fn shifts_and_the_family_range_add_up() {
    let p = broken(&[(
        "    - vanaf: 3\n      stappen: 1\n",
        "    - vanaf: 3\n      stappen: -1\n",
    )]);
    error_with(&p, "verschuiving: geef 'vanaf' met positieve 'stappen'");
    let p = broken(&[("  gezin:\n    min: -1\n", "  gezin:\n    min: 5\n")]);
    error_with(&p, "gezin: 'min' is groter dan 'max'");
    // The family alone could lift a goal: a warning, not an error.
    let p = broken(&[("    min: -1\n    max: 2\n", "    min: -1\n    max: 3\n")]);
    assert!(
        p.list
            .iter()
            .any(|x| x.severity == Severity::Warning && x.message.contains("op eigen kracht")),
        "{p}"
    );
}

#[test]
fn the_kind_of_question_carries_a_base_within_its_bounds() {
    let p = broken(&[(
        "        basis: connectie\n        grenzen: [connectie, coordinatie]\n",
        "        basis: cooperatie\n        grenzen: [connectie, coordinatie]\n",
    )]);
    error_with(&p, "de basis ligt niet binnen de grenzen");
    let p = broken(&[("        basis: segregatie\n", "")]);
    error_with(&p, "mist 'basis' of 'grenzen'");
}

#[test]
fn a_scale_whose_options_get_lighter_is_named() {
    // The safety scale with 'maatregel' lighter than the option before it,
    // as in an earlier bank.
    let p = broken(&[(
        "          en: >-\n            There is a child protection order (such as an OTS, a family\n            supervision order) or one is being investigated.\n        gewicht: 2\n",
        "          en: >-\n            There is a child protection order (such as an OTS, a family\n            supervision order) or one is being investigated.\n        gewicht: 1\n",
    )]);
    let w = p
        .list
        .iter()
        .find(|x| x.severity == Severity::Warning && x.message.contains("weegt lichter"))
        .unwrap_or_else(|| panic!("{p}"));
    assert!(
        w.message
            .contains("'maatregel' weegt lichter dan 'ernstig'"),
        "{}",
        w.message
    );
}

#[test]
fn every_sentence_of_the_outcome_is_in_the_bank() {
    let p = broken(&[(
        "  hoger_niet_beter:\n    nl: \"Hoger is niet beter: zo licht als mogelijk, zo zwaar als nodig.\"\n    en: \"Higher is not better: as light as possible, as heavy as necessary.\"\n",
        "",
    )]);
    error_with(&p, "de tekst 'hoger_niet_beter' ontbreekt");
}

#[test]
fn forms_name_known_domains_and_moments() {
    let p = broken(&[("        domeinen: [jeugd]\n", "        domeinen: [jeugt]\n")]);
    error_with(&p, "onbekend domein 'jeugt'");
}

#[test]
fn every_problem_is_reported_at_once() {
    let p = broken(&[
        ("        gewicht: -1\n", "        gewicht: 60\n"),
        ("is: [geen, weinig]", "is: [geen, beetje]"),
        (
            "  - id: opening\n    niveau: gezin\n    fase: verdieping\n",
            "  - id: opening\n    niveau: gezin\n",
        ),
    ]);
    assert_eq!(p.errors().count(), 3, "{p}");
    // Sorted by place, top to bottom.
    let lines: Vec<u32> = p.list.iter().map(|x| x.pos.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}

#[test]
fn broken_yaml_is_reported_with_line_and_column() {
    let text = BANK.replacen(
        "      nl: Niveau van het gezin\n",
        "      nl: Niveau: van het gezin\n",
        1,
    );
    let err = load::parse_bank(&text, "bank.yaml")
        .unwrap_err()
        .to_string();
    let line = line_of("      nl: Niveau van het gezin");
    assert!(err.starts_with(&format!("bank.yaml:{line}:")), "{err}");
    assert!(err.contains("aanhalingstekens"), "{err}");
    let dup = BANK.replacen(
        "id: voorwie-standaard\n",
        "id: voorwie-standaard\nid: nog-een\n",
        1,
    );
    let err = load::parse_bank(&dup, "bank.yaml").unwrap_err().to_string();
    assert!(err.contains("tweede keer"), "{err}");
}
