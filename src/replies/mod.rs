//! Acknowledgement replies: when a customer's mail is filed or rerouted, the customer is told
//! what happens to it and how to reach the council instead, in Welsh and English.
//!
//! Replies must never make things worse, so every rule is enforced here in code:
//! - [`guards::check`]: never to `<>`, to `Auto-Submitted` mail, to list or bulk mail, to system
//!   senders or to delivery reports (RFC 3834);
//! - [`guards::customer_address`]: a reply names the customer's restriction, so it goes only to
//!   an envelope sender that is one of that customer's recorded addresses. Otherwise nothing is
//!   sent, not even a neutral acknowledgement: only restricted customers get replies, so any
//!   reply at all would tell a stranger that the `From:` address they wrote belongs to one (the
//!   caller audits the withheld reply);
//! - a rate limit of one reply per (customer, template) per `reply_interval_days`, kept in the
//!   store (checked again inside the store's commit, so two messages at once cannot both pass),
//!   whichever of the customer's addresses wrote;
//! - [`compose`]: customer text is decoded and stripped of control characters before it goes
//!   near a header, and mail-builder encodes what remains;
//! - the reply goes to the envelope sender (Return-Path), never to `From:` or `Reply-To:`, from
//!   the null sender `<>`.
//!
//! The composed reply is queued in the store's durable outbox before the original gets its 250;
//! [`sender`] delivers it.

pub mod compose;
pub mod guards;
pub mod language;
pub mod sender;
pub mod templates;

use time::OffsetDateTime;

pub use guards::Skip;
use language::{Lang, looks_welsh, reply_languages};
pub use templates::{TemplateVars, Templates};

use crate::message::Message;
use crate::policy::uk_time;
use crate::policy::{ReplyPlan, Template};
use crate::rules::Rules;

/// Reply settings from the config's `[replies]`.
#[derive(Debug, Clone)]
pub struct ReplySettings {
    /// `From:` of replies; replies are off without it.
    pub from: Option<String>,
    pub council: String,
    pub council_cy: String,
    pub interval_days: u64,
    pub send_deferred: bool,
    pub send_held_for_review: bool,
    pub hostname: String,
}

/// A reply ready for the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingReply {
    /// The original's envelope sender: one of the customer's recorded addresses.
    pub to: String,
    pub template: Template,
    /// The store's rate-limit key ([`rate_key`]).
    pub rate_key: String,
    pub message_id: String,
    pub bytes: Vec<u8>,
    /// Languages, in order, e.g. "cy,en".
    pub languages: String,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_CY: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The rate-limit key for a `template` reply about customer `customer_id`:
/// `customer NUL <case id> NUL <template>`. Every reply is about one customer and goes only to
/// one of their addresses, so the limit is the customer's, whichever address they wrote from
/// (and however it is written): a sender who varies the envelope gets no second reply.
///
/// Keys written before this form were `<normalised address> NUL <template>`, with one NUL; no
/// key of this form (two NULs) can equal one of them, so old keys are never read again and
/// simply lie unused in the store.
pub fn rate_key(customer_id: &str, template: Template) -> String {
    format!("customer\0{customer_id}\0{template}")
}

fn long_date(t: OffsetDateTime, months: &[&str; 12]) -> String {
    let d = uk_time::to_london(t).date();
    format!(
        "{} {} {}",
        d.day(),
        months[d.month() as usize - 1],
        d.year()
    )
}

/// Decides whether `plan` becomes a reply to this message and, if so, builds it from one of
/// `templates`, to the customer's address as `rules` record it.
#[allow(clippy::too_many_arguments)]
pub fn prepare(
    settings: &ReplySettings,
    templates: &Templates,
    rules: &Rules,
    plan: &ReplyPlan,
    message: &Message,
    envelope_sender: &str,
    id: &str,
    received: OffsetDateTime,
    release_at: Option<OffsetDateTime>,
) -> Result<OutgoingReply, Skip> {
    let Some(from) = &settings.from else {
        return Err(Skip::RepliesOff);
    };
    guards::check(envelope_sender, message)?;
    let enabled = match plan.template {
        Template::Deferred => settings.send_deferred,
        Template::HeldForReview => settings.send_held_for_review,
        _ => true,
    };
    if !enabled || !templates.has(plan.template, Lang::En) {
        return Err(Skip::NotEnabled(plan.template.to_string()));
    }
    // Last of the guards, so that it is audited only when a reply would otherwise have gone.
    let to = guards::customer_address(rules, &plan.customer_id, envelope_sender)?;
    let welsh = looks_welsh(&format!(
        "{} {}",
        message.subject.as_deref().unwrap_or(""),
        message.own_text
    ));
    let langs = reply_languages(plan.language, welsh);
    let vars = template_vars(settings, plan, message, from, received, release_at);
    let (subject, body) = render_in(templates, plan.template, &langs, &vars)?;
    let composed = compose::compose(
        from,
        &plan.customer_name,
        &to,
        &subject,
        &body,
        message.message_id.as_deref(),
        &message.references,
        id,
        &settings.hostname,
        received,
    )
    .map_err(|_| Skip::NotEnabled(plan.template.to_string()))?;
    Ok(OutgoingReply {
        to,
        template: plan.template,
        rate_key: rate_key(&plan.customer_id, plan.template),
        message_id: composed.message_id,
        bytes: composed.bytes,
        languages: langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(","),
    })
}

/// The values a template may use, each made one line and bounded where it comes from mail.
fn template_vars(
    settings: &ReplySettings,
    plan: &ReplyPlan,
    message: &Message,
    from: &str,
    received: OffsetDateTime,
    release_at: Option<OffsetDateTime>,
) -> TemplateVars {
    TemplateVars {
        name: compose::one_line(&plan.customer_name, 100),
        case_id: plan.customer_id.clone(),
        received: long_date(received, &MONTHS_EN),
        received_cy: long_date(received, &MONTHS_CY),
        subject: compose::one_line(message.subject.as_deref().unwrap_or(""), 200),
        postal_address: plan.postal_address.clone(),
        staff: plan.staff.clone(),
        representatives: plan.representatives.clone(),
        review_on: plan.review_on.clone(),
        council: settings.council.clone(),
        council_cy: settings.council_cy.clone(),
        contact: compose::one_line(from, 200),
        release_at: release_at.map(|t| {
            let l = uk_time::to_london(t);
            format!("{} {:02}:{:02}", l.date(), l.hour(), l.minute())
        }),
    }
}

/// The subject and body in each of `langs`, in order, joined into one bilingual reply.
fn render_in(
    templates: &Templates,
    template: Template,
    langs: &[Lang],
    vars: &TemplateVars,
) -> Result<(String, String), Skip> {
    let mut subjects = Vec::new();
    let mut bodies = Vec::new();
    for lang in langs {
        // A template that fails to render was caught by check-config; if one still fails, skip
        // the reply rather than send a broken one.
        let r = templates.render(template, *lang, vars).map_err(|_| {
            Skip::NotEnabled(format!("{} ({} template failed)", template, lang.code()))
        })?;
        subjects.push(r.subject);
        bodies.push(r.body);
    }
    Ok((
        subjects.join(" / "),
        bodies.join("\n----------------------------------------\n\n"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_key_is_per_customer_and_template_and_never_an_old_key() {
        let key = rate_key("CR-1", Template::LetterOnly);
        assert_ne!(rate_key("CR-1", Template::Rerouted), key);
        assert_ne!(rate_key("CR-2", Template::LetterOnly), key);
        // The earlier form, `address NUL template`, has one NUL: none of it can collide.
        for old in [
            "customer\0letter_only",
            "cr-1\0letter_only",
            "a@b.example\0letter_only",
        ] {
            assert_ne!(old, key);
            assert_eq!(old.matches('\0').count(), 1);
        }
        assert_eq!(key.matches('\0').count(), 2);
    }
}
