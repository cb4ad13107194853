//! One SMTP connection: reads command lines and message data from any `AsyncRead + AsyncWrite`,
//! drives a [`Session`], and asks the [`MessageHandler`] for the reply to each message.
//!
//! Limits enforced here, where bytes enter: command line length, message size (excess data is
//! read and discarded, then 552), and read timeouts for commands and for DATA.
//!
//! Pipelining: replies are buffered while the client has already sent more commands, and
//! flushed before we wait for input, so a pipelined batch costs one write.
//!
//! Shutdown: while waiting for a command the connection answers 421 and closes; a message whose
//! DATA is being read or handled is finished first (the server bounds how long that may take).

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::watch;

use super::data::DataReader;
use super::session::{Session, Step};
use super::{MessageHandler, Reply};

const READ_CHUNK: usize = 16 * 1024;

/// Outcome of waiting for input.
enum Input {
    Data,
    Eof,
    Timeout,
    Shutdown,
}

pub struct Connection<S> {
    stream: S,
    /// Bytes read but not yet consumed.
    inbuf: Vec<u8>,
    /// Start of unconsumed bytes in `inbuf`.
    pos: usize,
    outbuf: Vec<u8>,
    write_timeout: Duration,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Connection<S> {
    pub fn new(stream: S) -> Self {
        Connection {
            stream,
            inbuf: Vec::with_capacity(READ_CHUNK),
            pos: 0,
            outbuf: Vec::new(),
            write_timeout: Duration::from_secs(300),
        }
    }

    /// Runs the session to completion. `shutdown` turning `true` asks the connection to finish.
    pub async fn run<H: MessageHandler>(
        mut self,
        mut session: Session,
        handler: &H,
        mut shutdown: watch::Receiver<bool>,
    ) -> std::io::Result<()> {
        let limits = session.limits().clone();
        self.write_timeout = limits.command_timeout;
        session.greeting().write_to(&mut self.outbuf);
        // Set while skipping the rest of an over-long command line.
        let mut discarding_line = false;
        loop {
            // Handle every complete line already buffered (pipelining).
            if let Some(end) = memchr_lf(&self.inbuf[self.pos..]) {
                let line_end = self.pos + end + 1;
                let line = self.inbuf[self.pos..line_end].to_vec();
                self.pos = line_end;
                let step = if discarding_line {
                    discarding_line = false;
                    session.line_too_long()
                } else if line.len() > limits.max_command_line {
                    session.line_too_long()
                } else {
                    session.command(&line)
                };
                match step {
                    Step::Reply(reply) => reply.write_to(&mut self.outbuf),
                    Step::Close(reply) => {
                        reply.write_to(&mut self.outbuf);
                        return self.flush().await;
                    }
                    Step::StartData(reply) => {
                        reply.write_to(&mut self.outbuf);
                        self.flush().await?;
                        if !self.transaction(&mut session, handler, &limits).await? {
                            return Ok(());
                        }
                    }
                }
                continue;
            }
            // No complete line: an over-long partial line is dropped, its end skipped later.
            if self.inbuf.len() - self.pos > limits.max_command_line {
                discarding_line = true;
                self.inbuf.clear();
                self.pos = 0;
            }
            self.flush().await?;
            match self
                .fill(limits.command_timeout, Some(&mut shutdown))
                .await?
            {
                Input::Data => {}
                Input::Eof => return Ok(()),
                Input::Timeout => return self.close_with(timeout_reply()).await,
                Input::Shutdown => {
                    return self
                        .close_with(Reply::new(
                            421,
                            "4.3.2",
                            "Service shutting down, closing transmission channel",
                        ))
                        .await;
                }
            }
        }
    }

    /// Reads one message after the 354 and writes the handler's reply to it. `false` when the
    /// connection is over: the client went away, or timed out and has been told so.
    async fn transaction<H: MessageHandler>(
        &mut self,
        session: &mut Session,
        handler: &H,
        limits: &super::Limits,
    ) -> std::io::Result<bool> {
        match self.read_data(limits).await? {
            DataOutcome::Message(data) => {
                // finish_data only fails when no DATA is in progress, and read_data is only
                // reached from StartData.
                let Some(transaction) = session.finish_data(data) else {
                    unreachable!("DATA phase without a transaction");
                };
                let reply = handler.handle(transaction).await;
                reply.write_to(&mut self.outbuf);
            }
            DataOutcome::TooLarge => {
                session.abort_data();
                Reply::new(552, "5.3.4", "Error: message size exceeds fixed limit")
                    .write_to(&mut self.outbuf);
            }
            DataOutcome::Closed => return Ok(false),
            DataOutcome::Timeout => {
                self.close_with(timeout_reply()).await?;
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Reads message data up to the terminating `CRLF.CRLF`, unstuffing dots.
    async fn read_data(&mut self, limits: &super::Limits) -> std::io::Result<DataOutcome> {
        let mut reader = DataReader::default();
        let mut data = Vec::new();
        let mut too_large = false;
        loop {
            let input = &self.inbuf[self.pos..];
            let end = reader.feed(input, &mut data, !too_large);
            if let Some(used) = end {
                self.pos += used;
                return Ok(if too_large {
                    DataOutcome::TooLarge
                } else {
                    DataOutcome::Message(data)
                });
            }
            self.pos = self.inbuf.len();
            if data.len() > limits.max_message_size {
                // Read on to the end of data so that the session stays in step, then refuse.
                too_large = true;
                data = Vec::new();
            }
            match self.fill(limits.data_timeout, None).await? {
                Input::Data => {}
                Input::Eof | Input::Shutdown => return Ok(DataOutcome::Closed),
                Input::Timeout => return Ok(DataOutcome::Timeout),
            }
        }
    }

    /// Reads more bytes into the input buffer, compacting it first.
    async fn fill(
        &mut self,
        timeout: Duration,
        shutdown: Option<&mut watch::Receiver<bool>>,
    ) -> std::io::Result<Input> {
        if self.pos > 0 {
            self.inbuf.drain(..self.pos);
            self.pos = 0;
        }
        let start = self.inbuf.len();
        self.inbuf.resize(start + READ_CHUNK, 0);
        let read = tokio::time::timeout(timeout, self.stream.read(&mut self.inbuf[start..]));
        let result = match shutdown {
            Some(shutdown) => {
                if *shutdown.borrow() {
                    self.inbuf.truncate(start);
                    return Ok(Input::Shutdown);
                }
                tokio::select! {
                    r = read => r,
                    _ = shutdown.changed() => {
                        self.inbuf.truncate(start);
                        return Ok(Input::Shutdown);
                    }
                }
            }
            None => read.await,
        };
        match result {
            Err(_) => {
                self.inbuf.truncate(start);
                Ok(Input::Timeout)
            }
            Ok(Err(e)) => {
                self.inbuf.truncate(start);
                Err(e)
            }
            Ok(Ok(0)) => {
                self.inbuf.truncate(start);
                Ok(Input::Eof)
            }
            Ok(Ok(n)) => {
                self.inbuf.truncate(start + n);
                Ok(Input::Data)
            }
        }
    }

    /// Sends buffered replies. A client that stops reading gets as long as it would for a
    /// command, then the connection is dropped (a write must not hold a slot for ever).
    async fn flush(&mut self) -> std::io::Result<()> {
        if !self.outbuf.is_empty() {
            let write = async {
                self.stream.write_all(&self.outbuf).await?;
                self.stream.flush().await
            };
            match tokio::time::timeout(self.write_timeout, write).await {
                Ok(r) => r?,
                Err(_) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "client stopped reading replies",
                    ));
                }
            }
            self.outbuf.clear();
        }
        Ok(())
    }

    async fn close_with(&mut self, reply: Reply) -> std::io::Result<()> {
        reply.write_to(&mut self.outbuf);
        self.flush().await?;
        self.stream.shutdown().await
    }
}

enum DataOutcome {
    Message(Vec<u8>),
    TooLarge,
    Closed,
    Timeout,
}

fn timeout_reply() -> Reply {
    Reply::new(421, "4.4.2", "Error: timeout exceeded")
}

fn memchr_lf(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}
