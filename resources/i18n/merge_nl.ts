<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Merge</name>
    <message>
        <source>Merge %1</source>
        <translation>%1 samenvoegen</translation>
    </message>
    <message>
        <source>&amp;Merge another copy…</source>
        <translation>Andere kopie &amp;samenvoegen…</translation>
    </message>
    <message>
        <source>Merge another copy</source>
        <translation>Andere kopie samenvoegen</translation>
    </message>
    <message>
        <source>Reading '%1'…</source>
        <translation>'%1' wordt gelezen…</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>Samenvoegen niet mogelijk</translation>
    </message>
    <message>
        <source>'%1' cannot be merged: %2</source>
        <translation>'%1' kan niet samengevoegd worden: %2</translation>
    </message>
    <message>
        <source>No backup could be taken, so nothing was merged (%1).</source>
        <translation>Er kon geen back-up gemaakt worden, dus er is niets samengevoegd (%1).</translation>
    </message>
    <message>
        <source>Merged %1. Ctrl+Z undoes the merge.</source>
        <translation>%1 samengevoegd. Ctrl+Z maakt het samenvoegen ongedaan.</translation>
    </message>
    <message>
        <source>This file changed since the preview (another window or program). Nothing was merged; open File › Merge another copy… again.</source>
        <translation>Dit bestand is veranderd sinds het voorbeeld (een ander venster of programma). Er is niets samengevoegd; open Bestand › Andere kopie samenvoegen… opnieuw.</translation>
    </message>
    <message>
        <source>The merge could not be written; the file is as it was (%1).</source>
        <translation>Het samenvoegen kon niet weggeschreven worden; het bestand is zoals het was (%1).</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>changed on both sides</source>
        <translation>aan beide kanten gewijzigd</translation>
    </message>
    <message>
        <source>deleted on one side, changed on the other</source>
        <translation>aan de ene kant verwijderd, aan de andere gewijzigd</translation>
    </message>
    <message>
        <source>only in one copy</source>
        <translation>alleen in één kopie</translation>
    </message>
    <message>
        <source>the merged data break a rule</source>
        <translation>de samengevoegde gegevens breken een regel</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n lid</numerusform><numerusform>%n leden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s)</source>
        <translation><numerusform>%n overeenkomst</numerusform><numerusform>%n overeenkomsten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation><numerusform>%n beslissing</numerusform><numerusform>%n beslissingen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n decision member(s)</source>
        <translation><numerusform>%n lid van een beslissing</numerusform><numerusform>%n leden van beslissingen</numerusform></translation>
    </message>
    <message>
        <source>stays, with %1</source>
        <translation>blijft, met %1</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>kiezen…</translation>
    </message>
    <message>
        <source>another value: %1</source>
        <translation>andere waarde: %1</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>van mij</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>van de andere kopie</translation>
    </message>
    <message>
        <source>Merge another copy: %1</source>
        <translation>Andere kopie samenvoegen: %1</translation>
    </message>
    <message>
        <source>What comes in</source>
        <translation>Wat binnenkomt</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Oud</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Conflicts: choose per row (select rows, then a button) or for all at once.</source>
        <translation>Conflicten: kies per rij (selecteer rijen, dan een knop) of voor alle tegelijk.</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Gebied</translation>
    </message>
    <message>
        <source>Municipalities reached (before → after)</source>
        <translation>Bereikte gemeenten (voor → na)</translation>
    </message>
    <message>
        <source>Regiegebieden with an agreement (before → after)</source>
        <translation>Regiegebieden met een overeenkomst (voor → na)</translation>
    </message>
    <message>
        <source>Effect on the coverage table</source>
        <translation>Effect op de dekkingstabel</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Mine (who, when)</source>
        <translation>Van mij (wie, wanneer)</translation>
    </message>
    <message>
        <source>Theirs (who, when)</source>
        <translation>Andere kopie (wie, wanneer)</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Keuze</translation>
    </message>
    <message>
        <source>These copies were not made from the same file: at every difference you choose which value to keep.</source>
        <translation>Deze kopieën komen niet uit hetzelfde bestand: bij elk verschil kiest u welke waarde blijft.</translation>
    </message>
    <message>
        <source>Both copies come from the same file. What either of you changed since the copy was made comes in; where you both changed the same thing, you choose.</source>
        <translation>Beide kopieën komen uit hetzelfde bestand. Wat een van u sinds het kopiëren veranderde, komt erbij; waar u allebei hetzelfde veranderde, kiest u.</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Mijn waarde houden</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>&amp;Waarde van de andere kopie nemen</translation>
    </message>
    <message>
        <source>Another &amp;value…</source>
        <translation>Andere &amp;waarde…</translation>
    </message>
    <message>
        <source>All mine</source>
        <translation>Alles van mij</translation>
    </message>
    <message>
        <source>All theirs</source>
        <translation>Alles van de andere kopie</translation>
    </message>
    <message>
        <source>All the newer change</source>
        <translation>Telkens de nieuwste wijziging</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 deleted</source>
        <translation>%1: %2 nieuw, %3 gewijzigd, %4 verwijderd</translation>
    </message>
    <message>
        <source>new: %1</source>
        <translation>nieuw: %1</translation>
    </message>
    <message>
        <source>deleted: %1</source>
        <translation>verwijderd: %1</translation>
    </message>
    <message>
        <source>Nothing comes in without a choice.</source>
        <translation>Er komt niets binnen zonder keuze.</translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>Andere waarde</translation>
    </message>
    <message>
        <source>Value for %1:</source>
        <translation>Waarde voor %1:</translation>
    </message>
</context>
</TS>