//! The `contactgate` command line: parse flags, call the library, map errors to exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use contactgate::admin::HeldListArgs;
use contactgate::cli;
use contactgate::config::Config;

/// Every message allocates its buffers, its parse and its text on one thread and frees them on
/// another; glibc's malloc spent 18% of the daemon's CPU on the relay benchmark doing that.
/// jemalloc's per-thread caches cut the relay's CPU per message by about a tenth, and it gives
/// memory back to the system (mimalloc, as fast here, held 110 MB where glibc held 24).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "contactgate",
    version,
    about = "Postfix content filter enforcing council contact restrictions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the filter daemon.
    Serve {
        /// Configuration file; without it the embedded defaults are used.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Validate the configuration and the rules, and exit.
    CheckConfig {
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List every restriction with its review date, and whether the review is overdue.
    Reviews {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Dry run: what would happen to these messages, and why.
    Explain {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Envelope sender (default: the From: address).
        #[arg(long)]
        sender: Option<String>,
        /// Envelope recipient, repeatable (default: the To: and Cc: addresses).
        #[arg(long)]
        rcpt: Vec<String>,
        /// Decide as at this time (RFC 3339), e.g. to check a contact window.
        #[arg(long)]
        at: Option<String>,
        /// Ask the running daemon: its rules and the correspondence history, so "new
        /// information only" is judged as it would be (nothing is delivered or recorded).
        #[arg(long)]
        live: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Held and filed mail (asks the running daemon).
    Held {
        #[command(subcommand)]
        command: HeldCommand,
    },
    /// The audit trail: officer actions, automated decisions, reloads, purges.
    Audit {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Only entries since this time (RFC 3339, or a date like 2026-07-01).
        #[arg(long)]
        since: Option<String>,
    },
    /// Recorded incidents: abusive-language and contact-pattern flags, by sender.
    Incidents {
        #[arg(long)]
        config: Option<PathBuf>,
        /// Only this sender's incidents.
        #[arg(long)]
        sender: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Subject-access export: everything held about an address, as one JSON document.
    Export {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        address: String,
    },
}

#[derive(Subcommand)]
enum HeldCommand {
    /// List messages waiting in the held store.
    List {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Only this action: hold, file or defer.
        #[arg(long)]
        action: Option<String>,
        /// Only mail from this envelope sender.
        #[arg(long)]
        sender: Option<String>,
        /// Only mail received since this time (RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Include released and discarded messages.
        #[arg(long)]
        all: bool,
    },
    /// Show one message: headers, text, attachments, action, reasons and flags.
    Show {
        id: String,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Deliver a held message to its recipients, or to those given.
    Release {
        id: String,
        #[arg(long)]
        config: Option<PathBuf>,
        /// Deliver to this address instead (repeatable).
        #[arg(long)]
        to: Vec<String>,
        /// Why, for the audit trail.
        #[arg(long)]
        note: Option<String>,
    },
    /// Decide not to deliver a held message. It is kept until the retention period ends.
    Discard {
        id: String,
        #[arg(long)]
        config: Option<PathBuf>,
        /// Why (required; recorded in the audit trail).
        #[arg(long, required = true)]
        reason: String,
    },
    /// Record an officer's review of a message filed on an automatic comparison (a repeat, or
    /// a closed topic). It sends nothing: release it to pass it to staff.
    Review {
        id: String,
        #[arg(long)]
        config: Option<PathBuf>,
        /// What the officer found: the comparison was right, or wrong.
        #[arg(long, required = true, value_parser = ["confirmed", "overturned"])]
        outcome: String,
        /// Why, for the audit trail.
        #[arg(long)]
        note: Option<String>,
    },
    /// Write the original message (.eml) to standard output.
    Export {
        id: String,
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An error can quote the daemon or a file (a message id, a rules line), so it is
            // escaped like any other text that reaches the terminal.
            let message = format!("{e:#}");
            eprintln!("contactgate: {}", contactgate::terminal::lines(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { config } => {
            init_tracing();
            let config = Config::load_or_default(config.as_deref())?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(contactgate::daemon::serve(config))?;
            Ok(())
        }
        command => {
            officer(command, &mut std::io::stdout().lock()).map_err(|e| anyhow::anyhow!(e.0))
        }
    }
}

/// The commands other than `serve`: the officer's and the postmaster's tools (`cli`).
fn officer(command: Command, out: &mut dyn std::io::Write) -> cli::CliResult<()> {
    match command {
        Command::Serve { .. } => unreachable!("run serves"),
        Command::CheckConfig { config } => cli::check_config(config.as_deref(), out),
        Command::Reviews { config, json } => cli::reviews(
            config.as_deref(),
            json,
            time::OffsetDateTime::now_utc(),
            out,
        ),
        Command::Explain {
            config,
            json,
            sender,
            rcpt,
            at,
            live,
            files,
        } => cli::explain_files(
            &cli::ExplainArgs {
                config,
                json,
                live,
                sender,
                rcpt,
                at,
                files,
            },
            out,
        ),
        Command::Held { command } => held(command, out),
        Command::Audit {
            config,
            json,
            since,
        } => {
            let since = since.as_deref().map(parse_since).transpose()?;
            cli::audit(config.as_deref(), since, json, out)
        }
        Command::Incidents {
            config,
            sender,
            json,
        } => cli::incidents(config.as_deref(), sender.as_deref(), json, out),
        Command::Export { config, address } => {
            cli::export_address(config.as_deref(), &address, out)
        }
    }
}

/// `held ...`: the officer's commands on one kept message, or the list of them.
fn held(command: HeldCommand, out: &mut dyn std::io::Write) -> cli::CliResult<()> {
    match command {
        HeldCommand::List {
            config,
            json,
            action,
            sender,
            since,
            all,
        } => {
            let since = since.as_deref().map(parse_since).transpose()?;
            let filter = HeldListArgs {
                action,
                sender,
                since,
                all,
            };
            cli::held_list(config.as_deref(), filter, json, out)
        }
        HeldCommand::Show { id, config, json } => cli::held_show(config.as_deref(), &id, json, out),
        HeldCommand::Release {
            id,
            config,
            to,
            note,
        } => cli::held_release(config.as_deref(), &id, &to, note.as_deref(), out),
        HeldCommand::Discard { id, config, reason } => {
            cli::held_discard(config.as_deref(), &id, &reason, out)
        }
        HeldCommand::Review {
            id,
            config,
            outcome,
            note,
        } => cli::held_review(config.as_deref(), &id, &outcome, note.as_deref(), out),
        HeldCommand::Export { id, config } => cli::held_export(config.as_deref(), &id, out),
    }
}

/// RFC 3339, or a plain date meaning its start (UTC).
fn parse_since(s: &str) -> cli::CliResult<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t);
    }
    let date = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| {
            cli::CliError(format!(
                "--since {s:?}: use a date like 2026-07-01 or an RFC 3339 time"
            ))
        })?;
    Ok(date.midnight().assume_utc())
}

fn init_tracing() {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter =
        EnvFilter::try_from_env("CONTACTGATE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Our own events carry identifiers and codes at every level. Other crates' debug and trace
    // events are not ours to vouch for (html5ever's debug output is every token of a message's
    // HTML, its text included), so they stop at info whatever CONTACTGATE_LOG asks for.
    let ours_or_info = tracing_subscriber::filter::filter_fn(|meta| {
        meta.target().starts_with("contactgate") || *meta.level() <= tracing::Level::INFO
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not for journald or a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .finish()
        .with(ours_or_info)
        .init();
    contactgate::unwind::install_hook();
}
