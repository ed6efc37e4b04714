//! Running the binary as a user for whom file modes count. Tests run as root in CI, and root
//! reads and writes anything whatever its mode; as root, the command runs as user `nobody`
//! (uid 65534), from a copy of the binary in the test's own folder (the checkout may sit
//! where `nobody` cannot reach).
#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

pub fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `corpusdb` to run in `dir` (which must be reachable by `nobody`) as a user bound by modes.
pub fn corpusdb(dir: &Path) -> Command {
    let mut cmd = if is_root() {
        let copy = dir.join("corpusdb-as-nobody");
        if !copy.exists() {
            fs::copy(env!("CARGO_BIN_EXE_corpusdb"), &copy).unwrap();
            fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut cmd = Command::new(copy);
        cmd.uid(65534).gid(65534);
        cmd
    } else {
        Command::new(env!("CARGO_BIN_EXE_corpusdb"))
    };
    cmd.current_dir(dir).env_remove("CORPUSDB_DB");
    cmd
}
