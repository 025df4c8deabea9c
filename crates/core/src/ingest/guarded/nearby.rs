//! What one read of a load's files learns for the next on the same thread
//! (see [`Nearby`]).

use super::{on_a_remote_file_system, open_nonblocking};
use std::fs::File;
use std::path::Path;

/// What reading one file of a load learns that the next file read on the
/// same thread can use: the file's folder, opened (a file beside it is
/// opened from there instead of through its whole path again), and
/// whether the file system the file is on answers over a network (the
/// same for every file on that device). Kept for one load only: between
/// loads a folder may be moved away or a device unmounted and another
/// mounted.
#[derive(Default)]
pub struct Nearby {
    #[cfg(target_os = "linux")]
    folder: Option<(std::path::PathBuf, std::os::fd::OwnedFd)>,
    /// A device and whether its file system is remote.
    device: Option<(u64, bool)>,
}

impl Nearby {
    /// `path` opened as [`open_nonblocking`] opens it; from the folder the
    /// last file was in when `path` is a name in that folder.
    #[cfg(target_os = "linux")]
    pub(super) fn open(&mut self, path: &Path) -> std::io::Result<File> {
        use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
        use std::os::unix::ffi::OsStrExt;
        let Some((folder, name)) = folder_and_name(path) else {
            return open_nonblocking(path);
        };
        let same = |f: &std::path::PathBuf| f.as_os_str().as_encoded_bytes() == folder;
        if self.folder.as_ref().is_none_or(|(f, _)| !same(f)) {
            let folder = Path::new(std::ffi::OsStr::from_bytes(folder));
            self.folder = open_folder(folder).map(|fd| (folder.to_path_buf(), fd));
        }
        let Some((_, fd)) = &self.folder else {
            return open_nonblocking(path);
        };
        // The name with its NUL, on the stack (a name is at most 255 bytes).
        let mut buf = [0u8; 256];
        let Some(room) = buf.get_mut(..name.len()) else {
            return open_nonblocking(path);
        };
        room.copy_from_slice(name);
        let Ok(name) = std::ffi::CStr::from_bytes_with_nul(&buf[..=name.len()]) else {
            return open_nonblocking(path);
        };
        let flags = libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC;
        // SAFETY: a descriptor this value owns and a NUL-terminated name.
        let opened = unsafe { libc::openat(fd.as_raw_fd(), name.as_ptr(), flags) };
        if opened < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: openat returned a new descriptor that nothing else owns.
        Ok(File::from(unsafe { OwnedFd::from_raw_fd(opened) }))
    }

    #[cfg(not(target_os = "linux"))]
    pub(super) fn open(&mut self, path: &Path) -> std::io::Result<File> {
        open_nonblocking(path)
    }

    /// Whether `file` (described by `meta`) is on a remote file system:
    /// asked once per device.
    pub(super) fn remote(&mut self, file: &File, meta: &std::fs::Metadata) -> bool {
        let device = device_of(meta);
        match self.device {
            Some((d, remote)) if d == device => remote,
            _ => {
                let remote = on_a_remote_file_system(file);
                self.device = Some((device, remote));
                remote
            }
        }
    }
}

#[cfg(unix)]
fn device_of(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::dev(meta)
}

/// Without device numbers every file is asked about on its own.
#[cfg(not(unix))]
fn device_of(_: &std::fs::Metadata) -> u64 {
    u64::MAX
}

/// `path` as the bytes of a folder and of a name in it, split at its last
/// separator: None when either is empty or the name is `.` or `..`
/// (which name no file in that folder), and the file is then opened by
/// its path.
#[cfg(target_os = "linux")]
pub(super) fn folder_and_name(path: &Path) -> Option<(&[u8], &[u8])> {
    let p = path.as_os_str().as_encoded_bytes();
    let cut = p.iter().rposition(|&b| b == b'/')?;
    let (folder, name) = (&p[..cut], &p[cut + 1..]);
    let plain = !folder.is_empty() && !name.is_empty() && name != b"." && name != b"..";
    plain.then_some((folder, name))
}

/// A descriptor of `folder` to open its files from (not to read it by):
/// None when it cannot be opened, and the file is then opened by its path.
#[cfg(target_os = "linux")]
fn open_folder(folder: &Path) -> Option<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    let c = std::ffi::CString::new(folder.as_os_str().as_encoded_bytes()).ok()?;
    let flags = libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC;
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), flags) };
    // SAFETY: open returned a new descriptor that nothing else owns.
    (fd >= 0).then(|| unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) })
}
