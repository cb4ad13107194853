//! The `contactgate` command line: parse flags, call the library, map errors to exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    /// Validate the configuration and exit.
    CheckConfig {
        #[arg(long)]
        config: Option<PathBuf>,
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
        Command::CheckConfig { config } => {
            let c = Config::load_or_default(config.as_deref())?;
            let name = c.source.as_ref().map_or_else(
                || "embedded defaults".to_string(),
                |p| p.display().to_string(),
            );
            println!("{name}: ok");
            Ok(())
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
