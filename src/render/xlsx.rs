//! `voorwie overzicht --format xlsx`: the overview as a workbook, for
//! policy staff who open it in (a Dutch) Excel.
//!
//! A CSV is read differently by every spreadsheet (a Dutch Excel expects
//! `;` and a byte-order mark); an `.xlsx` is not. One sheet per table of
//! the overview, each with a header row: the sessions (the rows of the CSV,
//! one per session and goal), the steps, per moment, the steps per goal,
//! the directions, the gap, the action points, the "weet ik niet"
//! questions, the own choices and the files not read. Every text is
//! written as a text cell (`write_string`), never as a formula, so a role
//! such as `=HYPERLINK(…)` from a session file stays text.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::base::error::{Error, Result};
use crate::base::text::Lang;
use crate::base::ui::ui;
use crate::views::overview::{Counted, Overview, Row, StepCount};

/// The workbook as the bytes of an `.xlsx` file.
pub(crate) fn overview(view: &Overview, rows: &[Row], lang: Lang) -> Result<Vec<u8>> {
    build(view, rows, lang).map_err(|e| Error::Write {
        file: "xlsx".to_owned(),
        cause: std::io::Error::other(e.to_string()),
    })
}

fn build(view: &Overview, rows: &[Row], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let u = ui(lang);
    let [
        sessions,
        steps,
        per_moment,
        goal_steps,
        directions,
        gap,
        actions,
        unknown,
        overrides,
        failed,
    ] = u.ov_xlsx_sheets;
    let [
        id,
        name,
        count,
        sessies,
        file,
        error,
        heavier,
        lighter,
        same,
    ] = u.ov_xlsx_columns;
    let mut book = Workbook::new();
    book.read_only_recommended();

    // The sessions: the CSV's rows and columns.
    let sheet = new_sheet(&mut book, sessions, &Row::COLUMNS)?;
    for (r, row) in rows.iter().enumerate() {
        let r = line(r);
        sheet.write_number(r, 0, row.sessie as f64)?;
        sheet.write_string(r, 1, &row.moment)?;
        sheet.write_string(r, 2, &row.datum)?;
        sheet.write_string(r, 3, &row.rol)?;
        sheet.write_number(r, 4, row.doel as f64)?;
        sheet.write_string(r, 5, &row.stap)?;
        sheet.write_string(r, 6, &row.nodig)?;
        sheet.write_string(r, 7, &row.huidig)?;
        sheet.write_string(r, 8, &row.richting)?;
        sheet.write_string(r, 9, &row.zekerheid)?;
        sheet.write_string(r, 10, &row.mogelijk)?;
        sheet.write_boolean(r, 11, row.kloof)?;
        sheet.write_number(r, 12, row.weet_niet as f64)?;
        sheet.write_string(r, 13, &row.overschrijving)?;
    }
    sheet.autofit();

    step_counts(&mut book, steps, &[id, name, count], &view.stappen)?;

    // Per moment: one column per step.
    let mut header = vec![id, name, sessies];
    header.extend(view.stappen.iter().map(|s| s.naam.as_str()));
    let sheet = new_sheet(&mut book, per_moment, &header)?;
    for (r, m) in view.per_moment.iter().enumerate() {
        let r = line(r);
        sheet.write_string(r, 0, &m.moment)?;
        sheet.write_string(r, 1, &m.naam)?;
        sheet.write_number(r, 2, m.sessies as f64)?;
        for (c, s) in m.stappen.iter().enumerate() {
            sheet.write_number(r, column(3 + c), s.aantal as f64)?;
        }
    }
    sheet.autofit();

    step_counts(
        &mut book,
        goal_steps,
        &[id, name, count],
        &view.doelen_stappen,
    )?;
    counted(&mut book, directions, &[id, name, count], &view.richtingen)?;

    // The gap: the number of sessions, then per level.
    let mut levels = vec![Counted {
        id: "sessies".to_owned(),
        tekst: u.ov_gap.to_owned(),
        aantal: view.kloof.sessies,
    }];
    levels.extend(view.kloof.per_niveau.iter().cloned());
    counted(&mut book, gap, &[id, name, count], &levels)?;

    counted(&mut book, actions, &[id, name, count], &view.actiepunten)?;
    counted(&mut book, unknown, &[id, name, count], &view.weet_niet)?;

    let o = &view.overschrijvingen;
    let sheet = new_sheet(&mut book, overrides, &[count, heavier, lighter, same])?;
    for (c, n) in [o.totaal, o.zwaarder, o.lichter, o.gelijk]
        .iter()
        .enumerate()
    {
        sheet.write_number(1, column(c), *n as f64)?;
    }
    sheet.autofit();

    let sheet = new_sheet(&mut book, failed, &[file, error])?;
    for (r, f) in view.niet_gelezen_bestanden.iter().enumerate() {
        sheet.write_string(line(r), 0, &f.bestand)?;
        sheet.write_string(line(r), 1, &f.fout)?;
    }
    sheet.autofit();

    book.save_to_buffer()
}

/// A new sheet with a bold header row.
fn new_sheet<'a>(
    book: &'a mut Workbook,
    name: &str,
    header: &[&str],
) -> Result<&'a mut Worksheet, XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, column(c), *h, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

fn step_counts(
    book: &mut Workbook,
    name: &str,
    header: &[&str],
    counts: &[StepCount],
) -> Result<(), XlsxError> {
    let sheet = new_sheet(book, name, header)?;
    for (r, s) in counts.iter().enumerate() {
        sheet.write_string(line(r), 0, &s.stap)?;
        sheet.write_string(line(r), 1, &s.naam)?;
        sheet.write_number(line(r), 2, s.aantal as f64)?;
    }
    sheet.autofit();
    Ok(())
}

fn counted(
    book: &mut Workbook,
    name: &str,
    header: &[&str],
    counts: &[Counted],
) -> Result<(), XlsxError> {
    let sheet = new_sheet(book, name, header)?;
    for (r, c) in counts.iter().enumerate() {
        sheet.write_string(line(r), 0, &c.id)?;
        sheet.write_string(line(r), 1, &c.tekst)?;
        sheet.write_number(line(r), 2, c.aantal as f64)?;
    }
    sheet.autofit();
    Ok(())
}

/// The sheet row of data row `i` (under the header).
fn line(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn column(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
