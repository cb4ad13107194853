//! The `contactgate` command line: parse flags, call the library, map errors to exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use contactgate::admin::HeldListArgs;
use contactgate::cli;
use contactgate::config::Config;

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
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Held and filed mail (asks the running daemon).
    Held {
        #[command(subcommand)]
        command: HeldCommand,
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
        /// Include released messages.
        #[arg(long)]
        all: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("contactgate: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
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
        Command::CheckConfig { config } => cli::check_config(config.as_deref(), &mut out),
        Command::Reviews { config, json } => cli::reviews(
            config.as_deref(),
            json,
            time::OffsetDateTime::now_utc(),
            &mut out,
        ),
        Command::Explain {
            config,
            json,
            sender,
            rcpt,
            at,
            files,
        } => cli::explain_files(
            &cli::ExplainArgs {
                config,
                json,
                sender,
                rcpt,
                at,
                files,
            },
            &mut out,
        ),
        Command::Held {
            command:
                HeldCommand::List {
                    config,
                    json,
                    action,
                    sender,
                    since,
                    all,
                },
        } => {
            let since = since
                .map(|s| {
                    time::OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339)
                })
                .transpose()
                .map_err(|e| anyhow::anyhow!("--since must be an RFC 3339 time: {e}"))?;
            cli::held_list(
                config.as_deref(),
                HeldListArgs {
                    action,
                    sender,
                    since,
                    all,
                },
                json,
                &mut out,
            )
        }
    }
}

fn init_tracing() {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("CONTACTGATE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not for journald or a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
}
