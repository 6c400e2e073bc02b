/// The 193 United Nations Member States and the two observer States, by the names
/// the United Nations uses, with the short and older forms documents print.
///
/// Standard knowledge, not taken from any particular document.
public enum StateGazetteer {
    /// Official short names as used in UN documents.
    public static let names: [String] = [
        "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
        "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
        "Belize", "Benin", "Bhutan", "Bolivia (Plurinational State of)", "Bosnia and Herzegovina", "Botswana",
        "Brazil", "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon",
        "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
        "Côte d’Ivoire", "Croatia", "Cuba", "Cyprus", "Czechia", "Democratic People’s Republic of Korea",
        "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador",
        "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland",
        "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea",
        "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia",
        "Iran (Islamic Republic of)", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan",
        "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Lao People’s Democratic Republic", "Latvia",
        "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
        "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
        "Micronesia (Federated States of)", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
        "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia",
        "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
        "Poland", "Portugal", "Qatar", "Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation",
        "Rwanda", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino",
        "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore",
        "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka",
        "Sudan", "Suriname", "Sweden", "Switzerland", "Syrian Arab Republic", "Tajikistan", "Thailand", "Timor-Leste",
        "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
        "United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland", "United Republic of Tanzania",
        "United States of America", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela (Bolivarian Republic of)",
        "Viet Nam", "Yemen", "Zambia", "Zimbabwe", "Holy See", "State of Palestine",
    ]

    /// Other forms in common use, mapped to the official name.
    static let shortForms: [String: String] = [
        "Bolivia": "Bolivia (Plurinational State of)", "Plurinational State of Bolivia": "Bolivia (Plurinational State of)",
        "Cape Verde": "Cabo Verde", "Ivory Coast": "Côte d’Ivoire", "Cote d'Ivoire": "Côte d’Ivoire",
        "Czech Republic": "Czechia", "Swaziland": "Eswatini", "Iran": "Iran (Islamic Republic of)",
        "Islamic Republic of Iran": "Iran (Islamic Republic of)", "Laos": "Lao People’s Democratic Republic",
        "Micronesia": "Micronesia (Federated States of)", "Macedonia": "North Macedonia",
        "The former Yugoslav Republic of Macedonia": "North Macedonia", "South Korea": "Republic of Korea",
        "North Korea": "Democratic People’s Republic of Korea", "Moldova": "Republic of Moldova",
        "Russia": "Russian Federation", "Syria": "Syrian Arab Republic", "Turkey": "Türkiye",
        "United Kingdom": "United Kingdom of Great Britain and Northern Ireland", "Great Britain": "United Kingdom of Great Britain and Northern Ireland",
        "Tanzania": "United Republic of Tanzania", "United States": "United States of America",
        "Venezuela": "Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela": "Venezuela (Bolivarian Republic of)",
        "Vietnam": "Viet Nam", "Burma": "Myanmar", "East Timor": "Timor-Leste", "Palestine": "State of Palestine",
        "Brunei": "Brunei Darussalam", "Kingdom of the Netherlands": "Netherlands", "The Gambia": "Gambia",
        "Republic of the Congo": "Congo", "Sao Tome": "Sao Tome and Principe", "Federated States of Micronesia": "Micronesia (Federated States of)",
    ]
}
