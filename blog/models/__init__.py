from .article import Article
from .person import Person
from .taxonomy import Category, Tag

__all__ = ["Article", "Category", "Person", "Tag"]
