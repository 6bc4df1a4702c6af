// title: UN agencies working across outcomes
// answers: Which UN agencies contribute to more than one outcome (in the narrative or the results
// answers: matrix), and to which ones? Agencies that could carry joint work between outcomes.
MATCH (a:Agency)-[:CONTRIBUTES_TO]->(o:Outcome)
WITH a, o ORDER BY o.id
WITH a, collect(DISTINCT o.id) AS outcomes
WHERE size(outcomes) > 1
RETURN a.framework AS framework, a.id AS agency, a.name AS label, size(outcomes) AS n_outcomes, outcomes
ORDER BY framework, n_outcomes DESC, agency
