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
//!
//! A regular file on a network or FUSE file system (NFS, SMB, sshfs, ...)
//! can block like that too, when the server stops answering: such a file
//! is read on a helper thread that is given up on once it has made no
//! progress for [`STALL_TIMEOUT`], and the file is named in the warning. A
//! read given up on cannot be cancelled: its thread stays blocked until the
//! read returns or the process ends (a hung NFS read ends with the process).
//! Files on local disks are read on the calling thread, which costs nothing
//! per file; a local disk that hangs is not guarded against, nor is a
//! folder listing on a hung mount (the walk lists folders itself).

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

mod nearby;
pub use nearby::Nearby;

/// How long a read of a file that reports no size may take.
pub const READ_TIMEOUT: Duration = Duration::from_millis(500);

/// How long a read from a network or FUSE file system may go without
/// getting a byte before it is given up on: longer than a busy server's
/// pause, short enough that a hung one is reported while the user waits.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(5);

/// What a file on a network or FUSE file system is read in, so a slow but
/// moving read is told from a stalled one.
const REMOTE_CHUNK: usize = 256 * 1024;

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
    /// A read from a network or FUSE file system got nothing for
    /// [`STALL_TIMEOUT`].
    Stalled,
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
            ReadError::Stalled => write!(
                f,
                "reading it stalled for {} s (a network drive not answering?), given up",
                STALL_TIMEOUT.as_secs()
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
    read_open(open_nonblocking(path)?, limit, None)
}

/// [`read_regular`], with what the files read before on this thread
/// showed (`nearby`): the same checks, fewer system calls.
pub fn read_regular_with(
    path: &Path,
    limit: u64,
    nearby: &mut Nearby,
) -> Result<Vec<u8>, ReadError> {
    read_open(nearby.open(path)?, limit, Some(nearby))
}

/// The checks and the read of a file just opened (see [`read_regular`]);
/// `nearby` says whether its device is remote when it has seen it.
fn read_open(file: File, limit: u64, nearby: Option<&mut Nearby>) -> Result<Vec<u8>, ReadError> {
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
    let remote = |file: &File| match nearby {
        Some(n) => n.remote(file, &meta),
        None => on_a_remote_file_system(file),
    };
    if len > 0 && remote(&file) {
        return read_watched(file, len, STALL_TIMEOUT);
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

/// Reads `len` bytes of `source` on a helper thread, a chunk at a time, and
/// gives up once no chunk has come for `stall` (the thread is left to its
/// read: see the module's note).
fn read_watched(
    mut source: impl Read + Send + 'static,
    len: u64,
    stall: Duration,
) -> Result<Vec<u8>, ReadError> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let got = Arc::new(AtomicU64::new(0));
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let counter = Arc::clone(&got);
    std::thread::Builder::new()
        .name("dateline-read".into())
        .spawn(move || {
            let mut read = || -> Result<Vec<u8>, ReadError> {
                let mut bytes = Vec::with_capacity(len as usize);
                let mut chunk = vec![0; REMOTE_CHUNK];
                while (bytes.len() as u64) < len {
                    let want = REMOTE_CHUNK.min((len - bytes.len() as u64) as usize);
                    match source.read(&mut chunk[..want]) {
                        Ok(0) => break,
                        Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e.into()),
                    }
                    counter.store(bytes.len() as u64, Ordering::Relaxed);
                }
                Ok(bytes)
            };
            let _ = tx.send(read());
        })
        .map_err(ReadError::Io)?;
    let mut seen = 0;
    loop {
        match rx.recv_timeout(stall) {
            Ok(result) => return result,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Err(ReadError::Stalled),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                let now = got.load(Ordering::Relaxed);
                if now == seen {
                    return Err(ReadError::Stalled);
                }
                seen = now;
            }
        }
    }
}

/// Whether `file` is on a file system whose reads can wait on a server
/// (or on a FUSE daemon) that may never answer.
#[cfg(target_os = "linux")]
fn on_a_remote_file_system(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    let mut st = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: fstatfs fills `st` for a descriptor this function borrows.
    if unsafe { libc::fstatfs(file.as_raw_fd(), st.as_mut_ptr()) } != 0 {
        return false;
    }
    // SAFETY: initialised by the successful call above.
    let kind = unsafe { st.assume_init() }.f_type as u32;
    REMOTE_FILE_SYSTEMS.contains(&kind)
}

#[cfg(not(target_os = "linux"))]
fn on_a_remote_file_system(_: &File) -> bool {
    false
}

/// The `f_type` of Linux's network, cluster and FUSE file systems
/// (linux/magic.h and the file systems' own headers).
#[cfg(target_os = "linux")]
const REMOTE_FILE_SYSTEMS: &[u32] = &[
    0x6969,      // NFS
    0x517B,      // SMB
    0xFF53_4D42, // CIFS
    0xFE53_4D42, // SMB2
    0x6573_5546, // FUSE (sshfs, rclone, s3fs, gvfs ...)
    0x00C3_6400, // Ceph
    0x5346_414F, // AFS
    0x6B41_4653, // kAFS
    0x0102_1997, // 9P
    0x7375_7245, // Coda
    0x564C,      // NCP
    0x0BD0_0BD0, // Lustre
    0x0116_1970, // GFS2
    0x2003_0528, // OrangeFS
];

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
    use std::path::PathBuf;
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

    #[test]
    fn files_read_from_their_folder_read_and_fail_as_by_their_paths() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (dir.path().join("one"), dir.path().join("two"));
        std::fs::create_dir(&one).unwrap();
        std::fs::create_dir(&two).unwrap();
        std::fs::write(one.join("a.txt"), "first").unwrap();
        std::fs::write(one.join("b.txt"), "second").unwrap();
        std::fs::write(two.join("a.txt"), "third").unwrap();
        std::fs::create_dir(one.join("sub")).unwrap();
        let mut nearby = Nearby::default();
        let mut read = |p: &Path| match read_regular_with(p, 99, &mut nearby) {
            Ok(b) => String::from_utf8(b).unwrap(),
            Err(e) => e.to_string(),
        };
        // The same name in another folder is that folder's file.
        let got: Vec<String> = [
            one.join("a.txt"),
            one.join("b.txt"),
            two.join("a.txt"),
            one.join("b.txt"),
            one.join("gone.txt"),
            one.join("sub"),
            dir.path().join("three").join("a.txt"),
        ]
        .iter()
        .map(|p| read(p))
        .collect();
        assert_eq!(
            got,
            [
                "first",
                "second",
                "third",
                "second",
                "no such file or folder",
                "is a folder, not a file",
                "no such file or folder",
            ]
        );
        // A file named with a trailing `/.` is no file, from its folder
        // or not.
        let dotted = PathBuf::from(format!("{}/.", one.join("a.txt").display()));
        assert!(
            read(&dotted).contains("Not a directory"),
            "{}",
            read(&dotted)
        );
        assert!(read_regular(&dotted, 99).is_err());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_path_is_split_at_its_last_separator_into_a_folder_and_a_name() {
        let split = |p: &'static str| {
            nearby::folder_and_name(Path::new(p)).map(|(f, n)| {
                (
                    std::str::from_utf8(f).unwrap(),
                    std::str::from_utf8(n).unwrap(),
                )
            })
        };
        assert_eq!(split("news/a.txt"), Some(("news", "a.txt")));
        assert_eq!(split("/srv/news/a.txt"), Some(("/srv/news", "a.txt")));
        assert_eq!(split("news//a.txt"), Some(("news/", "a.txt")));
        assert_eq!(split("a.txt"), None);
        assert_eq!(split("/a.txt"), None);
        assert_eq!(split("news/a.txt/"), None);
        assert_eq!(split("news/a.txt/."), None);
        assert_eq!(split("news/.."), None);
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

    /// Gives `head`, then blocks for `then` on the next read (a server that
    /// stops answering), then gives the rest.
    struct Stalls {
        head: Vec<u8>,
        rest: Vec<u8>,
        then: Duration,
    }

    impl Read for Stalls {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let from = if self.head.is_empty() {
                std::thread::sleep(std::mem::take(&mut self.then));
                &mut self.rest
            } else {
                &mut self.head
            };
            let n = buf.len().min(from.len());
            buf[..n].copy_from_slice(&from[..n]);
            from.drain(..n);
            Ok(n)
        }
    }

    #[test]
    fn a_remote_read_that_stalls_is_given_up_and_one_that_moves_is_waited_for() {
        let stall = Duration::from_millis(300);
        let t = Instant::now();
        let hung = Stalls {
            head: b"first part ".to_vec(),
            rest: b"never".to_vec(),
            then: Duration::from_secs(30),
        };
        assert!(matches!(
            read_watched(hung, 16, stall),
            Err(ReadError::Stalled)
        ));
        assert!(
            t.elapsed() < stall * 2 + Duration::from_millis(300),
            "{:?}",
            t.elapsed()
        );
        assert!(ReadError::Stalled.to_string().contains("stalled for 5 s"));
        // Slow, but each pause shorter than the limit: read whole.
        struct Trickle(usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0 == 0 {
                    return Ok(0);
                }
                std::thread::sleep(Duration::from_millis(100));
                self.0 -= 1;
                buf[0] = b'x';
                Ok(1)
            }
        }
        let t = Instant::now();
        assert_eq!(read_watched(Trickle(6), 6, stall).unwrap(), b"xxxxxx");
        assert!(
            t.elapsed() > stall,
            "slower in all than the limit, still read"
        );
        let quick = Stalls {
            head: b"all of it".to_vec(),
            rest: Vec::new(),
            then: Duration::ZERO,
        };
        assert_eq!(read_watched(quick, 9, stall).unwrap(), b"all of it");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn files_on_local_disks_are_not_taken_for_remote_ones() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "local").unwrap();
        assert!(!on_a_remote_file_system(&File::open(&p).unwrap()));
        assert!(!on_a_remote_file_system(
            &File::open("/proc/self/status").unwrap()
        ));
        assert!(REMOTE_FILE_SYSTEMS.contains(&(libc::NFS_SUPER_MAGIC as u32)));
        assert!(REMOTE_FILE_SYSTEMS.contains(&(libc::FUSE_SUPER_MAGIC as u32)));
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
