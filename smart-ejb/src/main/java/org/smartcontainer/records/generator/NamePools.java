package org.smartcontainer.records.generator;

import java.util.List;

/** Invented people, places and organizations: nothing here names a real patient, clinic or pharmacy. */
final class NamePools {

    private NamePools() {
    }

    static final List<String> FEMALE_GIVEN_NAMES = List.of("Ada", "Alma", "Amelia", "Ana", "Beatrice", "Bella",
            "Carla", "Celia", "Clara", "Daisy", "Delia", "Edith", "Elena", "Eliza", "Emma", "Esther", "Faye",
            "Flora", "Grace", "Greta", "Hazel", "Helen", "Ida", "Iris", "Ivy", "Jade", "June", "Kara", "Laura",
            "Lena", "Lila", "Lucia", "Mabel", "Maya", "Mira", "Nadia", "Nell", "Nora", "Olive", "Opal", "Paula",
            "Pearl", "Quinn", "Rosa", "Ruth", "Sadie", "Selma", "Sofia", "Tess", "Thea", "Uma", "Vera", "Viola",
            "Wanda", "Willa", "Yara", "Zoe", "Marisol", "Linh", "Mei");
    static final List<String> MALE_GIVEN_NAMES = List.of("Aaron", "Abel", "Alden", "Amos", "Arlo", "Arthur",
            "Basil", "Bennett", "Caleb", "Cyrus", "Dante", "Dexter", "Eli", "Elliot", "Emil", "Ezra", "Felix",
            "Finn", "Gideon", "Graham", "Hector", "Hugo", "Ian", "Ira", "Jasper", "Joel", "Jonah", "Julian",
            "Kai", "Leon", "Levi", "Lucas", "Malik", "Marco", "Milo", "Nathan", "Noel", "Omar", "Oscar", "Owen",
            "Pablo", "Quentin", "Rafael", "Reuben", "Rhys", "Silas", "Simon", "Tobias", "Theo", "Victor",
            "Wade", "Walter", "Xavier", "Yusuf", "Zane", "Mateo", "Tuan", "Wei", "Kofi", "Anders");
    static final List<String> FAMILY_NAMES = List.of("Abernathy", "Alvarado", "Ashby", "Bancroft", "Barlowe",
            "Bellamy", "Birchwood", "Blackmore", "Brightwater", "Calloway", "Carver", "Castellan", "Dalloway",
            "Delacroix", "Draper", "Eastwick", "Ellery", "Fairbanks", "Farrow", "Fenwick", "Galloway", "Garrick",
            "Greystone", "Halloran", "Hartwell", "Holloway", "Ingram", "Jessup", "Kettering", "Kingsley",
            "Lachance", "Langford", "Lockhart", "Marchetti", "Merriweather", "Montague", "Nakamura", "Northcott",
            "Oakley", "Okafor", "Pemberton", "Quintero", "Ravenscroft", "Redfield", "Rosewood", "Saltonstall",
            "Sandoval", "Seaborne", "Sinclair", "Stonebridge", "Tanaka", "Thornbury", "Underhill", "Valdez",
            "Vance", "Wainwright", "Westbrook", "Whitlock", "Winslow", "Yardley", "Zamora", "Nguyen-Hale",
            "Okonkwo", "Castillo-Reyes", "Lindqvist", "Moreau", "Petrakis", "Rahman", "Szabo", "Venkataraman");

    static final List<String> STREETS = List.of("Alder Lane", "Amberfield Road", "Aspen Court", "Bramble Way",
            "Cedar Hollow Drive", "Clover Street", "Copper Kettle Road", "Dogwood Avenue", "Elm Terrace",
            "Fernbrook Lane", "Foxglove Circle", "Granite Ridge Road", "Harbor View Drive", "Hawthorn Street",
            "Juniper Path", "Lantern Hill Road", "Larkspur Avenue", "Linden Boulevard", "Millstone Drive",
            "Mossy Oak Lane", "Orchard Street", "Pebble Creek Road", "Quarry Road", "Riverbend Drive",
            "Sassafras Way", "Silver Birch Lane", "Starling Court", "Sycamore Avenue", "Thistle Lane",
            "Willow Bend Road");

    /** An invented town in a real state, with a postal code of that state's range. */
    record Town(String locality, String region, String postalCodePrefix, String areaCode) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("Maple Hollow", "MA", "017", "508"), new Town("East Brookfield Falls", "MA", "015", "774"),
            new Town("Cedar Junction", "NY", "128", "518"), new Town("Port Wren", "ME", "040", "207"),
            new Town("Larkin Springs", "OH", "443", "330"), new Town("Millbrook Center", "PA", "169", "570"),
            new Town("Riverside Glen", "IL", "617", "309"), new Town("Stonefield", "WI", "535", "608"),
            new Town("Copper Bluff", "AZ", "856", "520"), new Town("Alder Creek", "OR", "973", "541"),
            new Town("Pine Harbor", "WA", "983", "360"), new Town("Sunmesa", "NM", "880", "575"),
            new Town("Bluewater Bay", "FL", "325", "850"), new Town("Magnolia Bend", "GA", "317", "229"),
            new Town("Prairie Rose", "KS", "674", "785"), new Town("Granite Falls Crossing", "CO", "814", "970"));

    static final List<String> PROVIDER_GIVEN_NAMES = List.of("Miriam", "Jonas", "Priya", "Samuel", "Lorena",
            "Desmond", "Ingrid", "Tomas", "Keiko", "Raymond", "Adaeze", "Henrik");
    static final List<String> PROVIDER_FAMILY_NAMES = List.of("Hollister", "Achebe", "Varga", "Lindholm",
            "Castellano", "Whitcombe", "Iyer", "Moriarty", "Brandvold", "Okoro", "Fairweather", "Delgado");

    static final List<String> PHARMACIES = List.of("Maple Hollow Community Pharmacy", "Riverside Apothecary",
            "Corner Cross Drug", "Harborline Pharmacy", "Greenleaf Family Pharmacy", "Summit Care Pharmacy");

    static final List<String> FACILITIES = List.of("Maple Hollow Family Medicine", "Riverside Glen Clinic",
            "Lakeshore Pediatrics", "Stonefield Community Health Center", "Bluewater Internal Medicine",
            "Prairie Rose Medical Group");

    static final List<String> RACES = List.of("White", "Black or African American", "Asian",
            "American Indian or Alaska Native", "Native Hawaiian or Other Pacific Islander");
    static final List<String> LANGUAGES = List.of("English", "Spanish", "Vietnamese", "Chinese", "Portuguese",
            "French", "Arabic");
}
