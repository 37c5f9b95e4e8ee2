"""The partner network (Go > Partners): partners as nodes, shared partnerships as links."""
