"""The vocabularies the graph uses, and the prefixes every query gets for free."""
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD, DCTERMS

KG = Namespace("https://w3id.org/kg-vn/ontology#")
ID = Namespace("https://w3id.org/kg-vn/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "kg": str(KG), "id": str(ID), "org": str(ORG), "schema": str(SCHEMA), "prov": str(PROV),
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "dct": str(DCTERMS),
}

__all__ = ["KG", "ID", "ORG", "SCHEMA", "SH", "PROV", "RDF", "RDFS", "XSD", "OWL", "DCTERMS", "PREFIXES"]
