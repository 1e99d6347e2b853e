//! JSON: the views as they are. The keys are the contract for other tools.

use serde::Serialize;

use super::Renderer;
use crate::views::card::Card;
use crate::views::compare::Comparison;
use crate::views::continuum::ContinuumView;
use crate::views::examples::ExampleList;
use crate::views::overview::Overview;
use crate::views::report::Report;

pub struct JsonRenderer;

fn to_json<T: Serialize>(value: &T) -> String {
    // The views are plain data with string keys; serialising cannot fail.
    let mut out =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"fout\": \"{e}\"}}"));
    out.push('\n');
    out
}

impl Renderer for JsonRenderer {
    fn report(&self, report: &Report) -> String {
        to_json(report)
    }

    fn card(&self, card: &Card) -> String {
        to_json(card)
    }

    fn continuum(&self, view: &ContinuumView) -> String {
        to_json(view)
    }

    fn examples(&self, list: &ExampleList) -> String {
        to_json(list)
    }

    fn comparison(&self, c: &Comparison) -> String {
        to_json(c)
    }

    fn overview(&self, o: &Overview) -> String {
        to_json(o)
    }
}
