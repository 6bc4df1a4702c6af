// title: LNOB groups and the outcomes that reach them
// answers: For each group at risk of being left behind, how many outcomes name it (in the narrative or
// answers: the results matrix), and which? Groups named by one outcome only are where cross-outcome
// answers: work is thinnest.
MATCH (o:Outcome)-[:LEAVES_NO_ONE_BEHIND]->(g:LnobGroup)
WITH g, o ORDER BY o.id
WITH g, collect(DISTINCT o.id) AS outcomes
RETURN g.framework AS framework, g.id AS lnob_group, g.name AS name, size(outcomes) AS n_outcomes, outcomes
ORDER BY framework, n_outcomes DESC, lnob_group
