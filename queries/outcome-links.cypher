// title: Stated links between outcomes, with the SDG targets both outcomes list
// answers: Which links between outcomes does the document state (kind, the targets it names), and how
// answers: many SDG targets do the two linked outcomes both list?
MATCH (a:Outcome)-[l:LINKS_TO]->(b:Outcome)
OPTIONAL MATCH (a)-[:LISTS_TARGET]->(t:SdgTarget)<-[:LISTS_TARGET]-(b)
WITH a, b, l, count(DISTINCT t) AS shared_targets
RETURN l.framework AS framework, l.id AS link, a.id AS source, b.id AS target, l.kind AS kind,
       shared_targets
ORDER BY framework, link
