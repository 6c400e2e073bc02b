import Foundation

/// Prints `key`, `trust add|list|remove`, and what `import --allow-untrusted` accepted.
struct TrustRenderer {
    let console: Console

    /// The frozen JSON shape of `key --json`.
    struct KeyJSON: Encodable {
        var replica: String
        var public_key: String
        var fingerprint: String
        var key_file: String?
    }

    /// The frozen JSON shape of one key in `trust list --json`.
    struct TrustedJSON: Encodable {
        var name: String
        var public_key: String
        var fingerprint: String
        var added_at: String
    }

    /// The frozen JSON shape of one file accepted without trust in `trust list --json`.
    struct AcceptanceJSON: Encodable {
        var fingerprint: String
        var public_key: String?
        var file: String
        var accepted_at: String
    }

    /// The frozen JSON shape of `trust list --json`.
    struct ListJSON: Encodable {
        var own: KeyJSON
        var trusted: [TrustedJSON]
        var accepted_once: [AcceptanceJSON]
    }

    func renderKey(_ knowledgeBase: KnowledgeBase, json: Bool) {
        let key = keyJSON(knowledgeBase)
        if json {
            console.line((try? JSONLines.line(key)) ?? "{}")
            return
        }
        console.line("public key:  \(key.public_key)")
        console.line("fingerprint: \(key.fingerprint)")
        console.line("replica:     \(key.replica)")
        console.line(console.styled("Give the public key to the people you sync with; they run: concord trust add NAME \(key.public_key)", .dim))
    }

    func renderAdded(_ key: TrustStore.TrustedKey) {
        console.line("trusted \(key.name): key \(key.fingerprint); changes it signs are imported from now on")
    }

    func renderRemoved(_ key: TrustStore.TrustedKey) {
        console.line("no longer trusted: \(key.name) (key \(key.fingerprint)); files it signs are refused from now on, changes already imported stay")
    }

    func renderList(
        own knowledgeBase: KnowledgeBase, trusted: [TrustStore.TrustedKey], acceptances: [TrustStore.Acceptance], json: Bool,
        ignored: [String] = []
    ) {
        if json {
            let list = ListJSON(
                own: keyJSON(knowledgeBase),
                trusted: trusted.map { TrustedJSON(name: $0.name, public_key: PublicKeyText.hex($0.publicKey), fingerprint: $0.fingerprint, added_at: $0.addedAt) },
                accepted_once: acceptances.map {
                    AcceptanceJSON(fingerprint: $0.fingerprint, public_key: $0.publicKey.map(PublicKeyText.hex), file: $0.file, accepted_at: $0.acceptedAt)
                })
            console.line((try? JSONLines.line(list)) ?? "{}")
            return
        }
        console.line("this replica: key \(knowledgeBase.signingKey.fingerprint) (always trusted)")
        if trusted.isEmpty {
            console.line("no other key is trusted; add one with: concord trust add NAME PUBLIC-KEY")
        } else {
            let table = TextTable(
                header: ["name", "fingerprint", "public key", "added (UTC)"],
                rows: trusted.map { [$0.name, $0.fingerprint, PublicKeyText.hex($0.publicKey), $0.addedAt] })
            for line in table.lines(width: max(console.width, 160)) { console.line(line) }
        }
        if !ignored.isEmpty {
            console.line("ignored in sync folders (trust unignore REPLICA to read them again): " + ignored.joined(separator: ", "))
        }
        guard !acceptances.isEmpty else { return }
        console.line("accepted once without trust:")
        for acceptance in acceptances {
            let what = acceptance.publicKey == nil ? "unsigned changes" : "key \(acceptance.fingerprint)"
            console.line("  \(what) in \(acceptance.file) (\(acceptance.acceptedAt))")
        }
    }

    /// After an import: what was accepted once without trust, if anything.
    func renderAcceptance(_ outcome: ChangesetImporter.Outcome, errors: Console) {
        guard !outcome.acceptedWithoutTrust.isEmpty else { return }
        let what = outcome.acceptedWithoutTrust.map { $0 == "unsigned" ? "unsigned changes" : "key \($0)" }.joined(separator: ", ")
        errors.line(errors.styled("warning:", .bold) + " \(outcome.file): accepted once without trust (\(what)); recorded in trust list, not trusted")
    }

    private func keyJSON(_ knowledgeBase: KnowledgeBase) -> KeyJSON {
        KeyJSON(
            replica: knowledgeBase.replicaID, public_key: PublicKeyText.hex(knowledgeBase.signingKey.publicKey),
            fingerprint: knowledgeBase.signingKey.fingerprint, key_file: knowledgeBase.path.map(ReplicaKeyFile.path(forDatabase:)))
    }
}
