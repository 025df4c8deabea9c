//! Which tense questions [`super::judge`] asks of a candidate: reading a
//! clause's tense costs more than the rest of a match, so a question is
//! asked only of the forms some later stage reads its answer for.

use super::{Form, YearRef};

/// Which tense questions [`judge`] answers for a candidate.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Asked {
    /// Only those some later stage reads for the candidate's form.
    Read,
    /// Only those the resolver reads for the candidate's form: the
    /// publication date is known, so nothing is inferred from them.
    Anchored,
    /// Every one, whatever the form: what a test compares the other with.
    #[cfg(test)]
    Every,
}

impl Asked {
    /// Whether a candidate of `form` is asked if it is stated or told as
    /// past.
    pub(super) fn reads_past(self, form: Form) -> bool {
        match self {
            Asked::Read => past_matters(form),
            Asked::Anchored => past_matters_when_anchored(form),
            #[cfg(test)]
            Asked::Every => true,
        }
    }
}

/// Whether any later stage reads whether a candidate of this form is
/// stated or told as past: the inference of the publication date reads it
/// of a full date or a day and month, the resolver and the month-year
/// memory through its tense of a day, month, period or holiday. A
/// weekday's value reads only whether its clause is future; a year, a
/// relative phrase or a reference reads neither.
fn past_matters(form: Form) -> bool {
    matches!(
        form,
        Form::Full(_)
            | Form::DayMonth { .. }
            | Form::Month { .. }
            | Form::Period { .. }
            | Form::Holiday { .. }
    )
}

/// [`past_matters`] when the publication date is known: the inference,
/// the only reader of a full date's, does not run.
fn past_matters_when_anchored(form: Form) -> bool {
    past_matters(form) && !matches!(form, Form::Full(_))
}

/// Whether a form's value depends on its clause's tense: a day, month or
/// period without its year, and a weekday, which the tense places before or
/// after the anchor.
pub(super) fn tense_matters(form: Form) -> bool {
    match form {
        Form::DayMonth { .. } | Form::Month { .. } | Form::Weekday { .. } => true,
        Form::Holiday { year, .. } => year.is_none(),
        Form::Period { year, .. } => !matches!(year, YearRef::Given(_)),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
