<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>DateDelegate</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 bestaat niet.</translation>
    </message>
    <message>
        <source>'%1' is not a date: type for example 15/11/2022 or 15112022.</source>
        <translation>'%1' is geen datum: typ bijvoorbeeld 15/11/2022 of 15112022.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1-bestand</translation>
    </message>
</context>
<context>
    <name>Lists</name>
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
    <name>Messages</name>
    <message>
        <source>Saved as %1.</source>
        <translation>Opgeslagen als %1.</translation>
    </message>
</context>
<context>
    <name>NewRows</name>
    <message>
        <source>New regiegebied</source>
        <translation>Nieuw regiegebied</translation>
    </message>
    <message>
        <source>Type a municipality and press Enter</source>
        <translation>Typ een gemeente en druk op Enter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincie</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Members from</source>
        <translation>Leden vanaf</translation>
    </message>
    <message>
        <source>Give the regiegebied a name.</source>
        <translation>Geef het regiegebied een naam.</translation>
    </message>
    <message>
        <source>'%1' is not a municipality.</source>
        <translation>'%1' is geen gemeente.</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Nieuwe overeenkomst</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Negotiations started</source>
        <translation>Onderhandelingen gestart op</translation>
    </message>
    <message>
        <source>Choose a regiegebied or municipality from the list.</source>
        <translation>Kies een regiegebied of gemeente uit de lijst.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>%1 already belongs to %2 from %3 to %4.</source>
        <translation>%1 hoort van %3 tot %4 al bij %2.</translation>
    </message>
    <message>
        <source>%1 exists only from %2: a membership of it cannot start on %3.</source>
        <translation>%1 bestaat pas vanaf %2: een lidmaatschap ervan kan niet op %3 beginnen.</translation>
    </message>
    <message>
        <source>%1 no longer exists after %2: a membership of it cannot start on %3.</source>
        <translation>%1 bestaat na %2 niet meer: een lidmaatschap ervan kan niet op %3 beginnen.</translation>
    </message>
    <message>
        <source>negotiations started on %1</source>
        <translation>onderhandelingen gestart op %1</translation>
    </message>
    <message>
        <source>signed on %1</source>
        <translation>ondertekend op %1</translation>
    </message>
    <message>
        <source>%1 would then no longer exist on the dates of its agreement (%2).</source>
        <translation>%1 bestaat dan niet meer op de datums van zijn overeenkomst (%2).</translation>
    </message>
    <message>
        <source>%1 would then not yet exist on the dates of its agreement (%2).</source>
        <translation>%1 bestaat dan nog niet op de datums van zijn overeenkomst (%2).</translation>
    </message>
    <message>
        <source>Change the agreement first, or choose another date.</source>
        <translation>Pas eerst de overeenkomst aan of kies een andere datum.</translation>
    </message>
</context>
<context>
    <name>RegionKind</name>
    <message>
        <source>centre city</source>
        <translation>centrumstad</translation>
    </message>
    <message>
        <source>collaboration</source>
        <translation>samenwerkingsverband</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Not done: another program or window changed this row in the meantime. Its change was kept.</source>
        <translation>Niet uitgevoerd: een ander programma of venster heeft deze rij intussen gewijzigd. Die wijziging is bewaard.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>signed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <source>in negotiation</source>
        <translation>in onderhandeling</translation>
    </message>
    <message>
        <source>to start</source>
        <translation>op te starten</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beëindigd</translation>
    </message>
    <message>
        <source>no agreement</source>
        <translation>geen SO</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>Column '%1' cannot be changed.</source>
        <translation>Kolom '%1' kan niet gewijzigd worden.</translation>
    </message>
    <message>
        <source>Column '%1' cannot be pasted into: change its cells one at a time.</source>
        <translation>In kolom '%1' kan niet geplakt worden: wijzig de cellen één voor één.</translation>
    </message>
    <message numerus="yes">
        <source>Clear %n cell(s)</source>
        <translation><numerusform>%n cel wissen</numerusform><numerusform>%n cellen wissen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Paste %n cell(s)</source>
        <translation><numerusform>%n cel plakken</numerusform><numerusform>%n cellen plakken</numerusform></translation>
    </message>
    <message>
        <source>'%1' is not a valid value.</source>
        <translation>'%1' is geen geldige waarde.</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation>Filteren (Ctrl+F)…</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Alle provincies</translation>
    </message>
    <message>
        <source>The pasted block does not fit.</source>
        <translation>Het geplakte blok past niet.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Undone: %1</source>
        <translation>Ongedaan gemaakt: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Opnieuw gedaan: %1</translation>
    </message>
</context>
</TS>