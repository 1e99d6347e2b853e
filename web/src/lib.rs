//! The browser edition's bindings: [`voorwie::browser::Browser`] for the
//! page's JavaScript, method by method. Strings and numbers only; the page
//! reads the JSON ones. Nothing here talks to the network, the clock or the
//! file system: the page passes today's date and reads and saves files.

use voorwie::browser::Browser;
use wasm_bindgen::prelude::*;

/// One session in the page (see [`Browser`]).
#[wasm_bindgen]
pub struct Voorwie(Browser);

#[wasm_bindgen]
impl Voorwie {
    /// A blank session in `lang` (`nl`, `en`); `today` is YYYY-MM-DD.
    #[wasm_bindgen(constructor)]
    pub fn new(lang: &str, today: &str) -> Result<Voorwie, String> {
        Browser::new(lang, today).map(Voorwie)
    }

    pub fn start(&mut self, depth: &str, case: &str) -> Result<(), String> {
        self.0.start(depth, case)
    }

    pub fn open(&mut self, text: &str, name: &str, depth: &str) -> Result<(), String> {
        self.0.open(text, name, depth)
    }

    pub fn open_case(&mut self, name: &str) -> Result<(), String> {
        self.0.open_case(name)
    }

    pub fn set_lang(&mut self, lang: &str) -> Result<(), String> {
        self.0.set_lang(lang)
    }

    pub fn depth(&self) -> String {
        self.0.depth()
    }

    pub fn screen(&mut self) -> String {
        self.0.screen()
    }

    pub fn choose(&mut self, i: usize) {
        self.0.choose(i);
    }

    pub fn choose_many(&mut self, items: Vec<usize>) {
        self.0.choose_many(items);
    }

    pub fn text(&mut self, text: &str) {
        self.0.text(text);
    }

    pub fn back(&mut self) {
        self.0.back();
    }

    pub fn skip(&mut self) {
        self.0.skip();
    }

    pub fn changed(&mut self) -> bool {
        self.0.changed()
    }

    pub fn blank(&self) -> bool {
        self.0.blank()
    }

    pub fn session_yaml(&self) -> String {
        self.0.session_yaml()
    }

    pub fn result(&self, format: &str) -> Result<String, String> {
        self.0.result(format)
    }

    pub fn override_options(&self) -> String {
        self.0.override_options()
    }

    pub fn set_override(&mut self, target: usize, step: usize, reason: &str) -> Result<(), String> {
        self.0.set_override(target, step, reason)
    }

    pub fn clear_override(&mut self, target: usize) {
        self.0.clear_override(target);
    }

    pub fn card_html(&self) -> String {
        self.0.card_html()
    }

    pub fn continuum_html(&self) -> String {
        self.0.continuum_html()
    }

    pub fn cases(&self) -> String {
        self.0.cases()
    }
}
