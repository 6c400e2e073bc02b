/// The human rights treaty bodies, the conventions they monitor, their acronyms
/// and the words that show a document is about them.
///
/// Standard knowledge of the treaty-body system, used to resolve "the Committee"
/// and "the Convention" inside a document to full names.
enum TreatyBodyGazetteer {
    /// A treaty body and its treaty.
    struct TreatyBody: Sendable {
        var name: String
        var bodyAliases: [String]
        var convention: String
        var conventionAliases: [String]
        /// Lowercase word stems whose frequency shows a document is about this body's treaty.
        var topicStems: [String]
    }

    static let all: [TreatyBody] = [
        TreatyBody(
            name: "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
            bodyAliases: ["CMW", "Committee on Migrant Workers"],
            convention: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
            conventionAliases: ["ICRMW", "International Convention on the Protection of the Rights of Migrant Workers",
                                "Migrant Workers Convention", "International Convention on Migrant Workers"],
            topicStems: ["migra"]),
        TreatyBody(
            name: "Committee on Enforced Disappearances", bodyAliases: ["CED"],
            convention: "International Convention for the Protection of All Persons from Enforced Disappearance",
            conventionAliases: ["ICPPED", "Convention on Enforced Disappearance"], topicStems: ["disappear"]),
        TreatyBody(
            name: "Committee on the Rights of the Child", bodyAliases: ["CRC"],
            convention: "Convention on the Rights of the Child", conventionAliases: [], topicStems: ["child"]),
        TreatyBody(
            name: "Committee on the Elimination of Discrimination against Women", bodyAliases: ["CEDAW Committee"],
            convention: "Convention on the Elimination of All Forms of Discrimination against Women",
            conventionAliases: ["CEDAW"], topicStems: ["women"]),
        TreatyBody(
            name: "Committee on the Elimination of Racial Discrimination", bodyAliases: ["CERD"],
            convention: "International Convention on the Elimination of All Forms of Racial Discrimination",
            conventionAliases: ["ICERD"], topicStems: ["racial"]),
        TreatyBody(
            name: "Committee against Torture", bodyAliases: [],
            convention: "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            conventionAliases: ["Convention against Torture"], topicStems: ["tortur"]),
        TreatyBody(
            name: "Committee on the Rights of Persons with Disabilities", bodyAliases: ["CRPD Committee"],
            convention: "Convention on the Rights of Persons with Disabilities", conventionAliases: ["CRPD"],
            topicStems: ["disabilit"]),
        TreatyBody(
            name: "Committee on Economic, Social and Cultural Rights", bodyAliases: ["CESCR"],
            convention: "International Covenant on Economic, Social and Cultural Rights", conventionAliases: ["ICESCR"],
            topicStems: ["cultural rights"]),
        TreatyBody(
            name: "Human Rights Committee", bodyAliases: [],
            convention: "International Covenant on Civil and Political Rights", conventionAliases: ["ICCPR"],
            topicStems: ["political rights"]),
        TreatyBody(
            name: "Subcommittee on Prevention of Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            bodyAliases: ["Subcommittee on Prevention of Torture", "SPT"],
            convention: "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            conventionAliases: ["OPCAT"], topicStems: ["prevention of torture"]),
    ]
}
