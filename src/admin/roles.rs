//! Who may do what over the admin socket: three roles, each granted by membership of Unix
//! groups (`[roles]` in the config), and the one table of what each operation needs.
//!
//! The socket file's group (`admin_group`) decides who may *connect*; the roles decide what a
//! caller may *do*. A caller in no role group is refused every operation. Roles are ordered:
//! data protection includes officer, which includes viewer. Root and the daemon's own user
//! are always data protection: they can read the store's files anyway.
//!
//! A caller's groups are the peer's gid (SO_PEERCRED) and the user's memberships in the group
//! database at connection time (`getgrouplist`), so removing someone from a group takes effect
//! at their next connection, without waiting for them to log out. The CLI connects once per
//! command, so for an officer that is their next command; a client that keeps one connection
//! open keeps the role it connected with until it reconnects. `/proc/PID/status` is not used:
//! the shipped unit's `ProtectProc=invisible` hides other users' processes.

use serde::Serialize;

/// What a caller may do, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Lists held mail and reads its metadata.
    Viewer,
    /// Reads held mail, releases it to its original recipients, discards it with a reason,
    /// reviews automatic filings; reads the audit trail and incidents; `explain --live`.
    Officer,
    /// Also releases to other addresses, exports raw mail and runs subject-access exports.
    DataProtection,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Officer => "officer",
            Role::DataProtection => "data-protection",
        }
    }
}

/// What each admin operation needs. `held.release` to addresses other than the original
/// recipients (`to`) needs [`RELEASE_TO_OTHER_ADDRESSES`] instead.
///
/// Why the metadata reads are not all `viewer`: audit entries quote the customer's new
/// sentences (until `retention_audit_text_days`) and incidents carry excerpts of what the
/// sender wrote, so both are content; `explain --live` tells how a message compares with a
/// customer's earlier correspondence.
pub const OPERATIONS: &[(&str, Role)] = &[
    ("held.list", Role::Viewer),
    ("held.show", Role::Officer),
    ("held.release", Role::Officer),
    ("held.discard", Role::Officer),
    ("held.review", Role::Officer),
    ("audit.list", Role::Officer),
    ("incidents.list", Role::Officer),
    ("explain", Role::Officer),
    ("held.export", Role::DataProtection),
    ("export.address", Role::DataProtection),
];

/// What a release to addresses other than the message's original recipients needs.
pub const RELEASE_TO_OTHER_ADDRESSES: Role = Role::DataProtection;

/// Operation `op`'s name as the table spells it and the role it needs with arguments `args`,
/// or `None` for an operation that does not exist.
pub fn needed(op: &str, args: &serde_json::Value) -> Option<(&'static str, Role)> {
    let (name, role) = OPERATIONS.iter().copied().find(|(name, _)| *name == op)?;
    // Any `to` but none or an empty list names other addresses (a malformed one too: it is
    // refused as bad arguments later, but never with less than this role).
    let to_others = match args.get("to") {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Array(to)) => !to.is_empty(),
        Some(_) => true,
    };
    if name == "held.release" && to_others {
        return Some((name, role.max(RELEASE_TO_OTHER_ADDRESSES)));
    }
    Some((name, role))
}

/// Why a caller was refused an operation: the message the caller sees. Names only roles.
pub fn refusal(op: &str, needs: Role, has: Option<Role>) -> String {
    let has = has.map_or("no role", Role::as_str);
    format!(
        "{op} needs role {}; you have {has} (ask a postmaster to add you to a group of \
         that role: [roles] in the config)",
        needs.as_str()
    )
}

/// The Unix groups that grant each role (`[roles]` in the config).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleGroups {
    pub viewer: Vec<String>,
    pub officer: Vec<String>,
    pub data_protection: Vec<String>,
}

impl Default for RoleGroups {
    fn default() -> Self {
        RoleGroups {
            viewer: vec!["contactgate-viewer".into()],
            officer: vec!["contactgate-officer".into()],
            data_protection: vec!["contactgate-dpo".into()],
        }
    }
}

impl RoleGroups {
    /// The highest role granted by any of `groups` (group names), if any.
    pub fn role_of(&self, groups: &[String]) -> Option<Role> {
        let member = |names: &[String]| names.iter().any(|n| groups.contains(n));
        if member(&self.data_protection) {
            Some(Role::DataProtection)
        } else if member(&self.officer) {
            Some(Role::Officer)
        } else if member(&self.viewer) {
            Some(Role::Viewer)
        } else {
            None
        }
    }
}

/// Who is at the other end of an admin connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The user name (or `uid N`): the actor in the audit trail.
    pub name: String,
    pub uid: u32,
    pub role: Option<Role>,
}

impl Caller {
    /// The caller with peer credentials `uid` and `gid`, its role from `roles`.
    pub fn identify(uid: u32, gid: u32, roles: &RoleGroups) -> Caller {
        let name = user_name(uid);
        // SAFETY: geteuid cannot fail and has no preconditions.
        let daemon_uid = unsafe { libc::geteuid() };
        let role = if uid == 0 || uid == daemon_uid {
            Some(Role::DataProtection)
        } else {
            roles.role_of(&group_names(&name, uid, gid))
        };
        Caller { name, uid, role }
    }
}

/// The user name for `uid`, or `uid N` if it has none.
pub fn user_name(uid: u32) -> String {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: getpwuid_r writes into `pwd` and `buf`, both owned here and large enough as
    // declared; `result` is either null or points at `pwd`.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
            return std::ffi::CStr::from_ptr(pwd.pw_name)
                .to_string_lossy()
                .into_owned();
        }
    }
    format!("uid {uid}")
}

/// The names of `gid` and of every group the user `name` belongs to in the group database.
/// A uid without a user name has only `gid`.
fn group_names(name: &str, uid: u32, gid: u32) -> Vec<String> {
    let mut gids = vec![gid];
    if name != format!("uid {uid}")
        && let Ok(cname) = std::ffi::CString::new(name)
    {
        let mut n: libc::c_int = 64;
        loop {
            let mut list = vec![0 as libc::gid_t; n as usize];
            // SAFETY: `list` has room for `n` gids, as getgrouplist is told; it writes at
            // most that many and sets `n` to the number it has (or needs, when it returns -1).
            let rc = unsafe { libc::getgrouplist(cname.as_ptr(), gid, list.as_mut_ptr(), &mut n) };
            if rc >= 0 {
                list.truncate(n.max(0) as usize);
                gids.extend(list);
                break;
            }
            // Too small: `n` now says how many there are. Bounded: a user in more than
            // 65536 groups is refused the extra ones rather than grown without limit.
            if n <= list.len() as libc::c_int || n > 65_536 {
                break;
            }
        }
    }
    gids.sort_unstable();
    gids.dedup();
    gids.into_iter().filter_map(group_name).collect()
}

fn group_name(gid: u32) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: as in `user_name`, for getgrgid_r.
    unsafe {
        let mut grp: libc::group = std::mem::zeroed();
        let mut result: *mut libc::group = std::ptr::null_mut();
        let rc = libc::getgrgid_r(gid, &mut grp, buf.as_mut_ptr(), buf.len(), &mut result);
        (rc == 0 && !result.is_null() && !grp.gr_name.is_null()).then(|| {
            std::ffi::CStr::from_ptr(grp.gr_name)
                .to_string_lossy()
                .into_owned()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_operation_is_in_the_table_once() {
        for (i, (op, _)) in OPERATIONS.iter().enumerate() {
            assert!(
                OPERATIONS[i + 1..].iter().all(|(o, _)| o != op),
                "{op} twice"
            );
        }
        let role = |op: &str, args: serde_json::Value| needed(op, &args).map(|(_, r)| r);
        assert_eq!(role("held.list", json!(null)), Some(Role::Viewer));
        assert_eq!(role("held.show", json!({"id": "X"})), Some(Role::Officer));
        assert_eq!(role("held.export", json!(null)), Some(Role::DataProtection));
        assert_eq!(
            role("export.address", json!(null)),
            Some(Role::DataProtection)
        );
        assert_eq!(role("no.such", json!(null)), None);
    }

    #[test]
    fn a_release_elsewhere_needs_data_protection_however_to_is_written() {
        let role = |args: serde_json::Value| needed("held.release", &args).map(|(_, r)| r);
        assert_eq!(role(json!({"id": "X"})), Some(Role::Officer));
        assert_eq!(role(json!({"id": "X", "to": null})), Some(Role::Officer));
        assert_eq!(role(json!({"id": "X", "to": []})), Some(Role::Officer));
        for to in [json!(["a@b.example"]), json!("a@b.example"), json!({})] {
            assert_eq!(
                role(json!({"id": "X", "to": to})),
                Some(Role::DataProtection),
                "{to}"
            );
        }
        // `to` means nothing to other operations.
        assert_eq!(
            needed("held.discard", &json!({"to": ["a@b.example"]})).map(|(_, r)| r),
            Some(Role::Officer)
        );
    }

    #[test]
    fn the_highest_role_wins_and_roles_are_ordered() {
        let g = RoleGroups::default();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(g.role_of(&names(&["users"])), None);
        assert_eq!(
            g.role_of(&names(&["contactgate-viewer"])),
            Some(Role::Viewer)
        );
        assert_eq!(
            g.role_of(&names(&["contactgate-viewer", "contactgate-dpo"])),
            Some(Role::DataProtection)
        );
        assert!(Role::DataProtection > Role::Officer && Role::Officer > Role::Viewer);
    }

    #[test]
    fn a_refusal_names_the_roles_only() {
        assert_eq!(
            refusal("held.export", Role::DataProtection, Some(Role::Viewer)),
            "held.export needs role data-protection; you have viewer (ask a postmaster to \
             add you to a group of that role: [roles] in the config)"
        );
        assert!(refusal("held.list", Role::Viewer, None).contains("you have no role"));
    }

    #[test]
    fn root_is_data_protection_whatever_its_groups() {
        let none = RoleGroups {
            viewer: vec![],
            officer: vec![],
            data_protection: vec![],
        };
        let root = Caller::identify(0, 0, &none);
        assert_eq!(root.role, Some(Role::DataProtection));
        assert_eq!(root.name, "root");
    }
}
