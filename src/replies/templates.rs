//! Reply templates: `rules/templates/<situation>.<cy|en>.txt`, edited by postmasters and
//! reloaded with the rules. Each file is a `Subject:` line, a blank line, then the body, in
//! minijinja syntax. Rendering is strict (an undefined variable is an error, not an empty
//! string) and bounded (a fuel limit stops runaway loops).

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{Environment, UndefinedBehavior, value::Serde};
use serde::Serialize;

use super::language::Lang;
use crate::policy::Template;

/// How much work one render may do.
const FUEL: u64 = 100_000;

/// What templates can use.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateVars {
    pub name: String,
    pub case_id: String,
    /// The date the message was received, e.g. "1 July 2026" (in the template's language for
    /// the month: see `received_cy`).
    pub received: String,
    pub received_cy: String,
    /// The customer's subject, decoded and stripped of control characters.
    pub subject: String,
    pub postal_address: Option<String>,
    pub staff: Vec<String>,
    pub representatives: Vec<String>,
    pub review_on: String,
    pub council: String,
    pub council_cy: String,
    /// Where the customer can write to the council about the reply, e.g. to ask for a person to
    /// review an automatic decision: the replies' own `From:` (`[replies] from`), so answering
    /// the reply reaches the same place.
    pub contact: String,
    /// For deferred mail: when it will be delivered (UK time), if known.
    pub release_at: Option<String>,
}

/// A rendered reply in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

/// The loaded templates.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// (situation, language) → source.
    sources: BTreeMap<(Template, Lang), String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct TemplateError {
    pub location: String,
    pub message: String,
}

impl Templates {
    /// Loads `dir/*.{cy,en}.txt`; a missing directory means no templates.
    pub fn load(dir: &Path) -> Result<Templates, Vec<TemplateError>> {
        let mut t = Templates::default();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(t);
        };
        let mut errors = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(stem) = name.strip_suffix(".txt") else {
                continue;
            };
            let Some((situation, lang)) = stem.rsplit_once('.') else {
                continue;
            };
            let location = path.display().to_string();
            let (Some(situation), Some(lang)) =
                (Template::from_name(situation), Lang::from_code(lang))
            else {
                let names: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
                errors.push(TemplateError {
                    location,
                    message: format!(
                        "unexpected template name; use <situation>.<cy|en>.txt with a situation from {}",
                        names.join(", ")
                    ),
                });
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(src) => {
                    t.sources.insert((situation, lang), src);
                }
                Err(e) => errors.push(TemplateError {
                    location,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        // Welsh must never be missing where English is there (and the other way round).
        for s in Template::ALL {
            let cy = t.has(s, Lang::Cy);
            let en = t.has(s, Lang::En);
            if cy != en {
                errors.push(TemplateError {
                    location: dir
                        .join(format!("{s}.{}.txt", if cy { "en" } else { "cy" }))
                        .display()
                        .to_string(),
                    message: format!(
                        "{s} has a {} template but not this one",
                        if cy { "Welsh" } else { "English" }
                    ),
                });
            }
        }
        if errors.is_empty() {
            // Render each against sample data so a broken template is caught before it ships.
            for &(s, lang) in t.sources.keys() {
                if let Err(e) = t.render(s, lang, &sample()) {
                    errors.push(TemplateError {
                        location: dir
                            .join(format!("{s}.{}.txt", lang.code()))
                            .display()
                            .to_string(),
                        message: e,
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(t)
        } else {
            Err(errors)
        }
    }

    pub fn has(&self, situation: Template, lang: Lang) -> bool {
        self.sources.contains_key(&(situation, lang))
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Number of template files.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Renders one language of one situation.
    pub fn render(
        &self,
        situation: Template,
        lang: Lang,
        vars: &TemplateVars,
    ) -> Result<Rendered, String> {
        let src = self
            .sources
            .get(&(situation, lang))
            .ok_or_else(|| format!("no {situation}.{}.txt template", lang.code()))?;
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.add_template("t", src).map_err(|e| describe(&e))?;
        let text = env
            .get_template("t")
            .and_then(|t| t.render(minijinja::Value::from(Serde(vars))))
            .map_err(|e| describe(&e))?;
        let text = text.replace("\r\n", "\n");
        let (first, body) = text.split_once('\n').unwrap_or((&text, ""));
        let subject = first
            .strip_prefix("Subject:")
            .ok_or("the first line must be `Subject: ...`")?
            .trim()
            .to_string();
        Ok(Rendered {
            subject,
            body: body.trim_start_matches('\n').trim_end().to_string() + "\n",
        })
    }
}

fn describe(e: &minijinja::Error) -> String {
    match e.line() {
        Some(line) => format!("line {line}: {e}"),
        None => e.to_string(),
    }
}

/// The sample data `check-config` renders every template against.
pub fn sample() -> TemplateVars {
    TemplateVars {
        name: "Mr A Example".into(),
        case_id: "CR-2026-0007".into(),
        received: "1 July 2026".into(),
        received_cy: "1 Gorffennaf 2026".into(),
        subject: "Planning application 24/0612/PA".into(),
        postal_address: Some("County Hall, Haverfordwest, SA61 1TP".into()),
        staff: vec!["jane.jones@council.example".into()],
        representatives: vec!["advocate@cab.example".into()],
        review_on: "2027-03-01".into(),
        council: "Pembrokeshire County Council".into(),
        council_cy: "Cyngor Sir Penfro".into(),
        contact: "customer.services@council.example".into(),
        release_at: Some("2 July 2026 10:00".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Result<Rendered, String> {
        let mut t = Templates::default();
        t.sources
            .insert((Template::LetterOnly, Lang::En), src.into());
        t.render(Template::LetterOnly, Lang::En, &sample())
    }

    #[test]
    fn renders_subject_and_body() {
        let r =
            one("Subject: Re: {{ subject }}\n\nDear {{ name }},\nWrite to {{ postal_address }}.\n")
                .unwrap();
        assert_eq!(r.subject, "Re: Planning application 24/0612/PA");
        assert_eq!(
            r.body,
            "Dear Mr A Example,\nWrite to County Hall, Haverfordwest, SA61 1TP.\n"
        );
    }

    #[test]
    fn undefined_variables_are_errors() {
        let e = one("Subject: x\n\n{{ nmae }}\n").unwrap_err();
        assert!(e.contains("undefined"), "{e}");
    }

    #[test]
    fn runaway_templates_run_out_of_fuel() {
        let e = one("Subject: x\n\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n").unwrap_err();
        assert!(e.to_lowercase().contains("fuel"), "{e}");
    }

    #[test]
    fn shipped_templates_load_and_render() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/templates");
        let t = Templates::load(&dir).unwrap();
        for s in Template::ALL.into_iter().filter(|t| t.required()) {
            for l in [Lang::Cy, Lang::En] {
                assert!(t.has(s, l), "{s} {l:?}");
            }
        }
    }
}
