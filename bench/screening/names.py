"""Seed name material for the synthetic watch list: real names, their original script, their spellings.

Each seed is "latin|script|variant,variant" (script and variants optional). Synthetic parts are composed
in `generate.py` to reach a million distinct people without exhausting the seeds.
"""

from __future__ import annotations

ARABIC_GIVEN = """
Muhammad|محمد|Mohamed,Mohammed,Mohammad,Muhammed,Mohamad
Ahmad|أحمد|Ahmed,Ahmet
Ali|علي|Aly
Umar|عمر|Omar,Omer
Uthman|عثمان|Osman,Othman,Usman
Hasan|حسن|Hassan
Husayn|حسين|Hussein,Hussain,Husein
Khalid|خالد|Khaled
Yusuf|يوسف|Youssef,Yousef,Yousif
Ibrahim|إبراهيم|Ebrahim,Brahim
Ismail|إسماعيل|Ismael
Mustafa|مصطفى|Mostafa,Moustafa,Mustapha
Mahmud|محمود|Mahmoud
Abd al-Rahman|عبد الرحمن|Abdelrahman,Abdul Rahman,Abdurrahman,Abdulrahman
Abd al-Aziz|عبد العزيز|Abdelaziz,Abdul Aziz,Abdulaziz
Abd Allah|عبد الله|Abdullah,Abdallah,Abdellah
Abd al-Karim|عبد الكريم|Abdelkarim,Abdul Karim,Abdulkarim
Abd al-Qadir|عبد القادر|Abdelkader,Abdul Qadir,Abdulkadir
Sulayman|سليمان|Suleiman,Sulaiman,Soliman
Yahya|يحيى|Yahia,Yehia
Zakariya|زكريا|Zakaria,Zakariyya
Musa|موسى|Moussa,Mousa
Idris|إدريس|Idriss
Karim|كريم|Kareem
Rashid|رشيد|Rachid,Rasheed
Walid|وليد|Waleed
Jamal|جمال|Gamal,Djamel
Salih|صالح|Saleh
Faysal|فيصل|Faisal,Feisal
Said|سعيد|Saeed,Saied
Tariq|طارق|Tarek,Tarik
Bilal|بلال|
Nabil|نبيل|Nabeel
Samir|سمير|Sameer
Adil|عادل|Adel
Hamza|حمزة|Hamzah
Anwar|أنور|Anouar
Fadil|فاضل|Fadel
Hisham|هشام|Hicham
Imad|عماد|Emad
Ziyad|زياد|Ziad
Murad|مراد|Mourad
Nasir|ناصر|Nasser,Naser
Mansur|منصور|Mansour
Qasim|قاسم|Kassem,Qassem
Sami|سامي|Samy
Tahir|طاهر|Taher
Usama|أسامة|Osama,Oussama
Fatima|فاطمة|Fatma,Fatimah
Aisha|عائشة|Aicha,Ayesha
Khadija|خديجة|Khadidja
Zaynab|زينب|Zeinab,Zainab
Maryam|مريم|Mariam
Layla|ليلى|Leila,Laila
Amina|أمينة|Amina,Aminah
Nur|نور|Nour
Huda|هدى|Houda
"""

ARABIC_FAMILY = """
al-Masri|المصري|Masri,El Masri,El-Masry
al-Hashimi|الهاشمي|Hashemi,El Hachemi
al-Tikriti|التكريتي|Tikriti
al-Baghdadi|البغدادي|Baghdadi
al-Zawahiri|الظواهري|Zawahri
al-Qurashi|القرشي|Qorashi,Kurashi
Haddad|حداد|Hadad
Khoury|خوري|Khouri,Khuri
Nasrallah|نصر الله|Nasrallah,Nasr Allah
Mansour|منصور|Mansur
Hamdan|حمدان|Hamdane
Saleh|صالح|Salih
Jaber|جابر|Jabir
Shaker|شاكر|Shakir
Darwish|درويش|Darwich,Derwish
Abbas|عباس|Abas
Othman|عثمان|Osman
Bakri|بكري|Bakry
Barakat|بركات|Barakat
Ghanem|غانم|Ghanim
Suleiman|سليمان|Sulaiman
Khalil|خليل|Khaleel
Awad|عوض|Aouad
Nassar|نصار|Nasar
Qassem|قاسم|Kassem
"""

ARABIC_CONSONANTS = (
    ("b", "ب"),
    ("t", "ت"),
    ("j", "ج"),
    ("h", "ح"),
    ("kh", "خ"),
    ("d", "د"),
    ("r", "ر"),
    ("z", "ز"),
    ("s", "س"),
    ("sh", "ش"),
    ("f", "ف"),
    ("q", "ق"),
    ("k", "ك"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
)

PERSIAN_GIVEN = """
Reza|رضا|Riza
Hossein|حسین|Hosein,Hussein
Mohammad|محمد|Mohamad,Muhammad
Ali|علی|Aly
Mehdi|مهدی|Mahdi
Javad|جواد|Jawad
Hamid|حمید|Hameed
Saeed|سعید|Said,Saied
Mahmoud|محمود|Mahmud
Majid|مجید|Madjid
Farhad|فرهاد|
Dariush|داریوش|Daryoush,Darioush
Kourosh|کوروش|Kurosh,Cyrus
Behrouz|بهروز|Behruz
Babak|بابک|
Parviz|پرویز|Parvis
Shahram|شهرام|
Mojtaba|مجتبی|Mojtaba
Abbas|عباس|Abas
Akbar|اکبر|
Nasrin|نسرین|Nasreen
Maryam|مریم|Mariam
Zahra|زهرا|Zahara
Fatemeh|فاطمه|Fatemah,Fatima
Shirin|شیرین|Shireen
"""

PERSIAN_FAMILY = """
Ahmadi|احمدی|Ahmady
Hosseini|حسینی|Hoseini,Husseini
Mohammadi|محمدی|Mohamadi
Rezaei|رضایی|Rezai,Rezaee
Karimi|کریمی|Karimy
Moradi|مرادی|Mouradi
Jafari|جعفری|Jafary,Djafari
Rahimi|رحیمی|Rahimy
Ghorbani|قربانی|Qorbani
Kazemi|کاظمی|Kazimi
Tehrani|تهرانی|Tehrany
Shirazi|شیرازی|Shirazy
Sadeghi|صادقی|Sadeqi
Heidari|حیدری|Haidari,Heydari
Najafi|نجفی|Nadjafi
"""

PERSIAN_ROOTS = [
    "Rostam",
    "Bahram",
    "Kamran",
    "Shams",
    "Nour",
    "Mehr",
    "Golshan",
    "Farrokh",
    "Esfand",
    "Azar",
    "Khosrow",
    "Bijan",
    "Kaveh",
    "Siavash",
    "Arash",
    "Dehghan",
    "Firouz",
    "Jahan",
    "Kian",
    "Sohrab",
    "Parsa",
    "Navid",
    "Omid",
    "Yazdan",
    "Ardalan",
    "Mirza",
    "Khan",
    "Amir",
    "Soltan",
    "Sharif",
    "Talebi",
    "Vahid",
    "Zand",
    "Nikbakht",
    "Roshan",
    "Bozorg",
    "Javan",
    "Pak",
    "Tavakol",
    "Razavi",
    "Hashem",
    "Abedin",
    "Taghi",
    "Naghi",
    "Ebad",
]
PERSIAN_SUFFIXES = ("i", "zadeh", "pour", "nejad", "far", "ian", "zad", "dust")

TURKISH_GIVEN = [
    "Mehmet",
    "Mustafa",
    "Ahmet",
    "Ali",
    "Hüseyin",
    "Hasan",
    "İbrahim",
    "İsmail",
    "Osman",
    "Yusuf",
    "Murat",
    "Ömer",
    "Ramazan",
    "Halil",
    "Süleyman",
    "Abdullah",
    "Mahmut",
    "Recep",
    "Salih",
    "Kemal",
    "Emre",
    "Burak",
    "Serkan",
    "Volkan",
    "Gökhan",
    "Tuncay",
    "Oğuz",
    "Barış",
    "Çağlar",
    "Doğan",
    "Erdoğan",
    "Şükrü",
    "Ümit",
    "Yiğit",
    "Tolga",
    "Kaan",
    "Cem",
    "Can",
    "Deniz",
    "Ercan",
    "Fatih",
    "Güven",
    "İlker",
    "Kadir",
    "Levent",
    "Orhan",
    "Rıza",
    "Fatma",
    "Ayşe",
    "Emine",
    "Hatice",
    "Zeynep",
    "Elif",
    "Meryem",
    "Şerife",
    "Sultan",
    "Hülya",
    "Gülşen",
    "Özlem",
    "Büşra",
    "Çiğdem",
    "Şule",
    "Dilek",
]
TURKISH_FAMILY_HEADS = [
    "Kara",
    "Ak",
    "Demir",
    "Öz",
    "Yıl",
    "Çelik",
    "Ay",
    "Gül",
    "Er",
    "Kılıç",
    "Yücel",
    "Şen",
    "Tek",
    "Baş",
    "Koç",
    "Kaya",
    "Aslan",
    "Doğan",
    "Yıldız",
    "Taş",
    "Uçar",
    "Karaca",
    "Güneş",
    "Erdem",
    "Bulut",
    "Polat",
    "Şahin",
    "Kurt",
    "Özkan",
    "Yavuz",
    "Aydın",
    "Arslan",
    "Keskin",
]
TURKISH_FAMILY_TAILS = (
    "",
    "maz",
    "taş",
    "kaya",
    "oğlu",
    "can",
    "er",
    "dağ",
    "soy",
    "han",
    "türk",
    "göz",
    "yürek",
)

RUSSIAN_GIVEN = [
    "Александр",
    "Алексей",
    "Андрей",
    "Антон",
    "Артём",
    "Борис",
    "Вадим",
    "Валерий",
    "Василий",
    "Виктор",
    "Виталий",
    "Владимир",
    "Владислав",
    "Геннадий",
    "Георгий",
    "Григорий",
    "Денис",
    "Дмитрий",
    "Евгений",
    "Егор",
    "Иван",
    "Игорь",
    "Илья",
    "Кирилл",
    "Константин",
    "Леонид",
    "Максим",
    "Михаил",
    "Никита",
    "Николай",
    "Олег",
    "Павел",
    "Пётр",
    "Роман",
    "Руслан",
    "Сергей",
    "Станислав",
    "Степан",
    "Тимур",
    "Фёдор",
    "Юрий",
    "Ярослав",
]
UKRAINIAN_GIVEN = [
    "Олександр",
    "Олексій",
    "Андрій",
    "Богдан",
    "Василь",
    "Віктор",
    "Володимир",
    "Дмитро",
    "Євген",
    "Іван",
    "Ігор",
    "Микола",
    "Михайло",
    "Олег",
    "Петро",
    "Сергій",
    "Тарас",
    "Юрій",
    "Ярослав",
    "Остап",
    "Назар",
    "Степан",
]
RUSSIAN_FAMILY = [
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Волков",
    "Соловьёв",
    "Васильев",
    "Зайцев",
    "Павлов",
    "Семёнов",
    "Голубев",
    "Виноградов",
    "Богданов",
    "Воробьёв",
    "Фёдоров",
    "Михайлов",
    "Беляев",
    "Тарасов",
    "Белов",
    "Комаров",
    "Орлов",
    "Киселёв",
    "Макаров",
    "Андреев",
    "Ковалёв",
    "Ильин",
    "Гусев",
    "Титов",
    "Кузьмин",
    "Кудрявцев",
    "Баранов",
    "Куликов",
    "Алексеев",
    "Степанов",
    "Яковлев",
    "Сорокин",
    "Сергеев",
    "Романов",
    "Захаров",
    "Борисов",
    "Королёв",
    "Герасимов",
    "Пономарёв",
    "Григорьев",
    "Лазарев",
    "Медведев",
    "Ершов",
    "Никитин",
    "Соболев",
    "Рябов",
    "Поляков",
    "Цветков",
    "Данилов",
    "Жуков",
    "Фролов",
    "Журавлёв",
    "Николаев",
    "Крылов",
    "Максимов",
    "Сидоров",
    "Осипов",
    "Белоусов",
    "Федотов",
    "Дорофеев",
    "Егоров",
    "Матвеев",
    "Бобров",
    "Дмитриев",
    "Калинин",
    "Анисимов",
    "Петухов",
    "Антонов",
    "Тимофеев",
    "Никифоров",
    "Веселов",
    "Филиппов",
    "Марков",
    "Большаков",
    "Суханов",
    "Миронов",
    "Ширяев",
    "Александров",
    "Коновалов",
    "Шестаков",
    "Казаков",
    "Ефимов",
    "Денисов",
    "Громов",
    "Фомин",
    "Давыдов",
    "Мельников",
    "Щербаков",
]
UKRAINIAN_FAMILY = [
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравченко",
    "Олійник",
    "Шевчук",
    "Поліщук",
    "Бойко",
    "Ткачук",
    "Савченко",
    "Руденко",
    "Мельник",
    "Марченко",
    "Лисенко",
    "Мороз",
    "Петренко",
    "Клименко",
    "Павленко",
    "Кравчук",
    "Кузьменко",
    "Пономаренко",
    "Савчук",
    "Василенко",
    "Левченко",
    "Харченко",
    "Карпенко",
    "Гончаренко",
    "Литвиненко",
    "Юрченко",
]
SLAVIC_STEMS = [
    "Бел",
    "Чер",
    "Мал",
    "Гор",
    "Сух",
    "Вол",
    "Кор",
    "Лес",
    "Мор",
    "Бог",
    "Глад",
    "Звер",
    "Крас",
    "Лог",
    "Мох",
    "Нос",
    "Рыб",
    "Сок",
    "Тих",
    "Хват",
    "Чуд",
    "Шум",
    "Ясн",
    "Дуб",
    "Ключ",
    "Кос",
    "Лип",
    "Мир",
    "Рог",
    "Сав",
    "Тол",
    "Уш",
    "Хол",
    "Цар",
    "Чиж",
    "Щег",
    "Жар",
    "Зор",
    "Кар",
    "Лук",
    "Мят",
    "Пес",
    "Рус",
    "Сит",
    "Тер",
    "Хмел",
    "Бур",
    "Гав",
    "Дрозд",
]
SLAVIC_SUFFIXES = ("ов", "ев", "ин", "ский", "енко", "чук", "ович", "ак")

HEBREW_GIVEN = """
Moshe|משה|Moishe,Mosheh
David|דוד|Dovid
Yosef|יוסף|Yossef,Josef
Yitzhak|יצחק|Itzhak,Yitzchak
Avraham|אברהם|Avrohom
Yaakov|יעקב|Yakov,Jacob
Shlomo|שלמה|Shelomo
Eliyahu|אליהו|Eliahu
Shmuel|שמואל|Samuel,Schmuel
Yehuda|יהודה|Yehudah,Juda
Binyamin|בנימין|Benyamin
Menachem|מנחם|Menahem
Ariel|אריאל|
Noam|נועם|
Eitan|איתן|Etan
Sarah|שרה|Sara
Rivka|רבקה|Rivkah
Rachel|רחל|Rahel
Miriam|מרים|Miryam
Tamar|תמר|
"""
HEBREW_FAMILY = """
Cohen|כהן|Kohen,Cohn
Levi|לוי|Levy
Mizrahi|מזרחי|Mizrachi
Peretz|פרץ|Perets
Biton|ביטון|Bitton
Dahan|דהן|
Friedman|פרידמן|Fridman
Shapiro|שפירו|Shapira
Katz|כץ|Kats
Azoulay|אזולאי|Azulai
Ben David|בן דוד|Bendavid
Avraham|אברהם|
Goldberg|גולדברג|
"""
HEBREW_ROOTS = [
    "Gold",
    "Silver",
    "Rosen",
    "Blum",
    "Fein",
    "Grun",
    "Weiss",
    "Schwartz",
    "Roth",
    "Stern",
    "Wein",
    "Eisen",
    "Kessel",
    "Lichten",
    "Mandel",
]
HEBREW_SUFFIXES = ("berg", "stein", "man", "feld", "baum", "thal", "blatt")

FRENCH_GIVEN = [
    "Jean",
    "Pierre",
    "Jacques",
    "Michel",
    "Philippe",
    "Alain",
    "Bernard",
    "André",
    "François",
    "Éric",
    "Frédéric",
    "Stéphane",
    "Sébastien",
    "Jérôme",
    "Laurent",
    "Nicolas",
    "Olivier",
    "Thierry",
    "Christophe",
    "Pascal",
    "Didier",
    "Gérard",
    "Hervé",
    "Benoît",
    "Rémi",
    "Loïc",
    "Maël",
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Françoise",
    "Valérie",
    "Céline",
    "Hélène",
    "Élodie",
    "Chloé",
    "Léa",
    "Maëlle",
    "Aurélie",
    "Jean-Pierre",
    "Jean-Marc",
    "Jean-Luc",
    "Marie-Claire",
    "Anne-Sophie",
]
FRENCH_FAMILY = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefebvre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Gautier",
    "Roger",
    "Roche",
    "Roy",
    "Noël",
    "Meyer",
    "Lucas",
    "Meunier",
    "Jean",
    "Pérez",
    "Marchand",
    "Dufour",
    "Blanchard",
    "Barbier",
    "Brun",
    "Dumas",
    "Brunet",
    "Schmitt",
    "Leroux",
    "Colin",
    "Fernandez",
    "Pierre",
    "Renard",
    "Arnaud",
    "Rolland",
    "Caron",
    "Aubert",
    "Giraud",
    "Leclerc",
    "Vidal",
    "Bourgeois",
    "Renaud",
    "Lemoine",
    "Picard",
    "Gaillard",
    "Philippe",
    "Leclercq",
    "Lacroix",
]
FRENCH_PARTICLE_FAMILY = [
    "de La Fontaine",
    "de Villepin",
    "de Gaulle",
    "Le Gall",
    "Le Pen",
    "du Pont",
    "de Montfort",
    "d'Estaing",
    "de Saint-Exupéry",
    "de La Rochefoucauld",
    "Le Goff",
    "de Lattre",
    "du Bellay",
    "de Broglie",
    "Le Bris",
]
FRENCH_SYLLABLES_A = [
    "Bou",
    "Mar",
    "Ber",
    "Char",
    "Gre",
    "Lam",
    "Mon",
    "Pel",
    "Ros",
    "Sau",
    "Tar",
    "Vil",
    "Fer",
    "Gar",
    "Cour",
    "Beau",
    "Mal",
    "Bel",
    "Ri",
    "Du",
]
FRENCH_SYLLABLES_B = [
    "chard",
    "teau",
    "rand",
    "vier",
    "lier",
    "mont",
    "quet",
    "ville",
    "rier",
    "bert",
    "nard",
    "det",
    "lot",
    "reau",
    "chon",
    "gny",
]

WEST_AFRICAN_GIVEN = """
Mamadou||Mamadu,Mohamadou
Ousmane||Usman,Ousman
Amadou||Ahmadou,Hamadou
Aliou||Aliyu
Boubacar||Aboubacar,Abubakar
Souleymane||Suleymane,Sulaymane
Ibrahima||Brahima
Moussa||Musa
Cheikh||Sheikh
Abdoulaye||Abdullahi
Oumar||Umar
Seydou||Saidou
Modibo||
Sekou||Sékou
Lamine||Lamin
Djibril||Jibril
Chinedu||
Oluwaseun||Oluseun
Adebayo||
Emeka||
Kwame||
Kofi||
Yaw||
Ngozi||
Aminata||Aminatou
Fatoumata||Fatumata
Mariama||Mariam
Awa||
Adama||
Kadiatou||Kadiatu
"""
WEST_AFRICAN_FAMILY = [
    "Diallo",
    "Traoré",
    "Keita",
    "Coulibaly",
    "Touré",
    "Sow",
    "Ba",
    "Ndiaye",
    "Diop",
    "Camara",
    "Cissé",
    "Konaté",
    "Sylla",
    "Sangaré",
    "Diarra",
    "Kouyaté",
    "Doumbia",
    "Bamba",
    "Ouédraogo",
    "Sawadogo",
    "Kaboré",
    "Zongo",
    "Okafor",
    "Okonkwo",
    "Adeyemi",
    "Okeke",
    "Nwosu",
    "Eze",
    "Balogun",
    "Mensah",
    "Asante",
    "Boateng",
    "Owusu",
    "Danso",
    "Kamara",
    "Sesay",
    "Conteh",
    "Bangura",
    "Fofana",
    "Dembélé",
    "Sidibé",
    "Kanté",
    "Maïga",
]
WEST_AFRICAN_HEADS = [
    "Ade",
    "Olu",
    "Ayo",
    "Oluwa",
    "Chi",
    "Nna",
    "Obi",
    "Oke",
    "Eze",
    "Ola",
    "Ige",
    "Aki",
    "Ugo",
    "Ife",
]
WEST_AFRICAN_TAILS = [
    "yemi",
    "bayo",
    "tunde",
    "femi",
    "kunle",
    "sola",
    "nedu",
    "meka",
    "chukwu",
    "kwu",
    "nna",
    "wale",
    "dele",
    "gbenga",
]

CHINESE_FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
CHINESE_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红文建国志海春晓东辉鹏飞云凤宇浩然子龙德兴"
)


def parse_seeds(block: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    seeds = []
    for line in block.strip().splitlines():
        latin, script, variants = (line.split("|") + ["", ""])[:3]
        seeds.append((latin, script or None, tuple(v for v in variants.split(",") if v)))
    return seeds
