/// Word lists the generators draw names from: surnames, given names, syllables,
/// treaty bodies with their symbol series, and agenda items.
///
/// Real States come from ConcordKit's ``StateGazetteer``; everything else here is
/// invented or generic, so generated names vary but look like the seeds' names.
public enum NameLists {
    public static let honorifics = ["Mr.", "Ms.", "Mr.", "Ms.", "Mrs."]

    public static let givenNames = [
        "Ahmed", "Ana", "Benjamin", "Carlos", "Chen", "Daniela", "Elena", "Fatou", "Felipe", "Hana", "Ibrahim",
        "Ioana", "Jean", "Juan", "Kateryna", "Kwame", "Laura", "Lin", "Maria", "Mohammed", "Nadia", "Olga",
        "Pablo", "Priya", "Rahel", "Samuel", "Sofia", "Tariq", "Yuki", "Zainab",
    ]

    public static let surnames = [
        "Aslanov", "Botero", "Charef", "Chissano", "Dzumhur", "Garcia", "Labiad", "Lewis", "Nowosad", "Oumaria",
        "Taghi-Zada", "Traoré", "Pazartzis", "Kpatcha", "Ayat", "Fathalla", "Corneloup", "Laaksonen", "Yigezu",
        "Kran", "Santos Pais", "Bulkan", "Muhumuza", "Shany", "Zyberi", "Abdel-Moneim", "Furuya", "Gómez Martínez",
        "Quezada", "Tammes", "Nsereko", "Vardzelashvili", "Oyarzún", "Heyns", "Morales", "Petersen", "Haugen",
        "Ncube", "Okafor", "Rossi", "Schmidt", "Tanaka", "Wang", "Kowalski", "Haddad", "Mensah", "Ivanova",
        "Delgado", "Nakamura", "Osei", "Bergström", "Demir", "Pereira", "Achieng", "Mwangi", "Rahman", "Said",
    ]

    /// Syllables for invented names (the 1M graph needs far more names than any list holds).
    public static let syllables = [
        "ka", "ro", "mi", "sa", "tel", "van", "dor", "li", "na", "zu", "ber", "gan", "ot", "ri", "mel", "sto",
        "ha", "ye", "pol", "dra", "ki", "mun", "es", "tra", "lo", "vi", "ner", "qua", "zo", "bel", "fin", "gor",
    ]

    /// A treaty body: its name, its symbol series and what its meetings consider.
    public struct Body: Sendable {
        public var name: String
        public var series: String
        public var instrument: String
        public var article: Int
    }

    public static let bodies = [
        Body(name: "Human Rights Committee", series: "CCPR/C", instrument: "International Covenant on Civil and Political Rights", article: 40),
        Body(name: "Committee against Torture", series: "CAT/C", instrument: "Convention against Torture", article: 19),
        Body(name: "Committee on the Rights of the Child", series: "CRC/C", instrument: "Convention on the Rights of the Child", article: 44),
        Body(name: "Committee on the Elimination of Racial Discrimination", series: "CERD/C",
             instrument: "International Convention on the Elimination of All Forms of Racial Discrimination", article: 9),
        Body(name: "Committee on Enforced Disappearances", series: "CED/C",
             instrument: "International Convention for the Protection of All Persons from Enforced Disappearance", article: 29),
        Body(name: "Committee on Migrant Workers", series: "CMW/C",
             instrument: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
             article: 73),
        Body(name: "Committee on Economic, Social and Cultural Rights", series: "E/C.12",
             instrument: "International Covenant on Economic, Social and Cultural Rights", article: 16),
        Body(name: "Committee on the Rights of Persons with Disabilities", series: "CRPD/C",
             instrument: "Convention on the Rights of Persons with Disabilities", article: 35),
    ]

    public static let ordinals = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
        "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first", "thirty-second",
    ]

    public static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    public static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    public static let reportKinds = ["initial report", "second periodic report", "third periodic report",
                                     "combined fourth and fifth periodic reports", "sixth periodic report"]

    public static let agendaItems = [
        "Organizational matters", "Promotion of the Convention", "Methods of work",
        "Follow-up to concluding observations", "General discussion", "Closure of the session",
    ]
}
