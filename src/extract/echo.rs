//! Echo keys: the same quotation carried by several outlets, worded a little differently.
