// title: Pairs of outcomes that share SDG targets
// answers: Which pairs of outcomes of the same framework list the same SDG targets (in the narrative or
// answers: the results matrix), how many and which? Invalid codes in the document are not SDG targets
// answers: and do not count.
MATCH (a:Outcome)-[:LISTS_TARGET]->(t:SdgTarget)<-[:LISTS_TARGET]-(b:Outcome)
WHERE a.framework = b.framework AND a.id < b.id
WITH a, b, t ORDER BY t.id
WITH a, b, collect(DISTINCT t.id) AS targets
RETURN a.framework AS framework, a.id AS outcome_a, b.id AS outcome_b, size(targets) AS shared, targets
ORDER BY framework, outcome_a, outcome_b
