//! Reading a file that may not be what its name promised: a corpus file
//! swapped for a FIFO between listing and reading, a state or config file
//! that is a link to `/dev/zero`, a `/proc` file whose reads block. Each is
//! refused or cut short with a reason instead of hanging or filling memory.
//!
//! The file is opened without blocking (so opening a FIFO returns at once),
//! must be a regular file once open (`fstat` on the open file: what is read
//! is what was checked), is read up to a limit, and a file that reports no
//! size (procfs and the like, where a read can block whatever the flags) is
//! read on a helper thread that is given up on after [`READ_TIMEOUT`].

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How long a read of a file that reports no size may take.
pub const READ_TIMEOUT: Duration = Duration::from_millis(500);

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(std::io::Error),
    /// A folder where a file was expected.
    Folder,
    /// Not a regular file: what it is ("a FIFO", "a device", "a socket").
    NotRegular(&'static str),
    /// Larger than the limit: its size when known (None: it kept going).
    TooLarge(Option<u64>),
    /// A read would block or took longer than [`READ_TIMEOUT`].
    Blocked,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => match e.kind() {
                std::io::ErrorKind::NotFound => f.write_str("no such file or folder"),
                std::io::ErrorKind::PermissionDenied => f.write_str("permission denied"),
                _ => write!(f, "{e}"),
            },
            ReadError::Folder => f.write_str("is a folder, not a file"),
            ReadError::NotRegular(what) => write!(f, "not a regular file ({what})"),
            ReadError::TooLarge(Some(n)) => write!(f, "too large ({n} bytes)"),
            ReadError::TooLarge(None) => f.write_str("too large"),
            ReadError::Blocked => write!(
                f,
                "reading it blocked for over {} ms (a special file?), given up",
                READ_TIMEOUT.as_millis()
            ),
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::WouldBlock {
            ReadError::Blocked
        } else {
            ReadError::Io(e)
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
///
/// A file is read as large as it was when opened (one that grows meanwhile
/// is read as it was); one that reports a size of 0 is read up to the limit.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(ReadError::Folder);
    }
    if !kind.is_file() {
        return Err(ReadError::NotRegular(special_kind(&kind)));
    }
    let len = meta.len();
    if len > limit {
        return Err(ReadError::TooLarge(Some(len)));
    }
    if len > 0 {
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(len).read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    // No size: procfs, sysfs, or a file system that does not know. One more
    // byte than the limit tells a file at the limit from a longer one.
    let read = move || -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    let bytes = with_timeout(read)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(None));
    }
    Ok(bytes)
}

/// Runs `read` on its own thread and waits at most [`READ_TIMEOUT`]: a read
/// that still blocks is left behind (its thread ends if the read ever does).
fn with_timeout(
    read: impl FnOnce() -> Result<Vec<u8>, ReadError> + Send + 'static,
) -> Result<Vec<u8>, ReadError> {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("dateline-read".into())
        .spawn(move || {
            let _ = tx.send(read());
        })
        .map_err(ReadError::Io)?;
    rx.recv_timeout(READ_TIMEOUT)
        .unwrap_or(Err(ReadError::Blocked))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_regular_file_is_read_whole_within_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "twelve bytes").unwrap();
        assert_eq!(read_regular(&p, 12).unwrap(), b"twelve bytes");
        assert!(matches!(
            read_regular(&p, 11),
            Err(ReadError::TooLarge(Some(12)))
        ));
        assert!(matches!(
            read_regular(dir.path(), 99),
            Err(ReadError::Folder)
        ));
        let missing = read_regular(&dir.path().join("gone"), 99).unwrap_err();
        assert_eq!(missing.to_string(), "no such file or folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let t = Instant::now();
        let e = read_regular(&p, 1 << 20).unwrap_err();
        assert!(t.elapsed() < Duration::from_secs(1));
        assert_eq!(e.to_string(), "not a regular file (a FIFO)");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_endless_device_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
        let e = read_regular(&p, 1 << 20).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file (a device)");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_without_a_size_is_read_up_to_the_limit() {
        // procfs reports 0 bytes for a file that has text.
        let p = Path::new("/proc/self/status");
        let bytes = read_regular(p, 1 << 20).unwrap();
        assert!(bytes.starts_with(b"Name:"));
        assert!(matches!(
            read_regular(p, 10),
            Err(ReadError::TooLarge(None))
        ));
    }

    #[test]
    fn a_read_that_blocks_is_given_up_after_the_timeout() {
        let t = Instant::now();
        let r = with_timeout(|| {
            std::thread::sleep(Duration::from_secs(5));
            Ok(Vec::new())
        });
        assert!(matches!(r, Err(ReadError::Blocked)));
        assert!(t.elapsed() < READ_TIMEOUT + Duration::from_millis(400));
    }
}
