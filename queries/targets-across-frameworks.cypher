// title: SDG targets that several frameworks list
// answers: Which SDG targets do two or more frameworks of the database list (in either list of any of
// answers: their outcomes): how many frameworks and outcomes, and which frameworks? SDG targets are
// answers: shared nodes, so one target is one node whatever the framework.
MATCH (o:Outcome)-[:LISTS_TARGET]->(t:SdgTarget)
WITH t, o ORDER BY o.framework
WITH t, collect(DISTINCT o.framework) AS frameworks, count(DISTINCT o) AS outcomes_count
WHERE size(frameworks) >= 2
RETURN t.id AS target, t.title AS title, size(frameworks) AS frameworks_count, outcomes_count, frameworks
ORDER BY frameworks_count DESC, outcomes_count DESC, target
