// title: UN agencies working across outcomes
// answers: Which UN agencies contribute to more than one outcome (named in a narrative list or the
// answers: results matrix, or delivering one of its outputs), and to which ones? Agencies that could
// answers: carry joint work between outcomes.
MATCH (a:Agency)-[:CONTRIBUTES_TO]->()<-[:HAS_OUTPUT*0..1]-(o:Outcome)
WITH a, o ORDER BY o.id
WITH a, collect(DISTINCT o.id) AS outcomes
WHERE size(outcomes) > 1
RETURN a.framework AS framework, a.id AS agency, a.name AS label, size(outcomes) AS n_outcomes, outcomes
ORDER BY framework, n_outcomes DESC, agency
