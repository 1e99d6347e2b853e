//! Problems found in a file that loaded as YAML but does not make sense:
//! an unknown question id, a rule that points at a missing option, a scale
//! without anchors. Each has a place and, where we can say it, a fix.
//!
//! Both the bank check (`voorwie controleer`) and the answers check use this,
//! so a content expert and a professional read the same kind of message:
//! `bestand:regel:kolom: wat er mis is` followed by `→ hoe je het oplost`.

use std::fmt;

use crate::base::located::Pos;

/// How serious a problem is. Errors make a file unusable; warnings are
/// reported but the file is still used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub pos: Pos,
    pub message: String,
    pub fix: Option<String>,
}

impl Problem {
    pub(crate) fn error(pos: Pos, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            pos,
            message: message.into(),
            fix: None,
        }
    }

    pub(crate) fn warning(pos: Pos, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            fix: None,
        }
    }

    pub(crate) fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// All problems found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems {
    pub file: String,
    pub list: Vec<Problem>,
}

impl Problems {
    pub(crate) fn new(file: impl Into<String>) -> Self {
        Problems {
            file: file.into(),
            list: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, problem: Problem) {
        self.list.push(problem);
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Error)
    }

    pub(crate) fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// Sorts problems by place, so they read from top to bottom of the file.
    pub(crate) fn sort(&mut self) {
        self.list
            .sort_by_key(|p| (p.pos, std::cmp::Reverse(p.severity)));
    }

    /// Writes one problem as `file:line:column: [waarschuwing: ]message`
    /// (`warning:` in English)
    /// plus its fix on the next line.
    pub fn write_one(&self, f: &mut impl fmt::Write, p: &Problem) -> fmt::Result {
        if p.pos.is_known() {
            write!(f, "{}:{}: ", self.file, p.pos)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        if p.severity == Severity::Warning {
            f.write_str(crate::base::say::pick("waarschuwing: ", "warning: "))?;
        }
        write!(f, "{}", p.message)?;
        if let Some(fix) = &p.fix {
            write!(f, "\n    → {fix}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Problems {
    /// One problem on its own line; several under a header that counts them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        if errors + warnings > 1 {
            let file = &self.file;
            writeln!(
                f,
                "{}",
                crate::base::say::say!(
                    "{file}: {errors} fout(en) en {warnings} waarschuwing(en):",
                    "{file}: {errors} error(s) and {warnings} warning(s):"
                )
            )?;
        }
        for (i, p) in self.list.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            self.write_one(f, p)?;
        }
        Ok(())
    }
}
