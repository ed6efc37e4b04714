-- Every term with the number of grouped articles that have it: the grouping's weights.
SELECT term, articles FROM story_terms
